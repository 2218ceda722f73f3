import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

/**
 * Environment shared by the services. Every property has a default so that
 * `new Schema()` lists the variables the schema reads (see loadConfig).
 */
export class AmqpEnv {
  /** amqp:// or amqps:// URL of the RabbitMQ broker. */
  @Matches(/^amqps?:\/\/.+/, { message: 'ITSM_AMQP_URL must be an amqp:// or amqps:// URL' })
  ITSM_AMQP_URL = '';
}

export class MongoEnv extends AmqpEnv {
  /** mongodb:// URL of the MongoDB-wire server (MongoDB 7+ or FerretDB). */
  @Matches(/^mongodb(\+srv)?:\/\/.+/, { message: 'ITSM_MONGO_URL must be a mongodb:// URL' })
  ITSM_MONGO_URL = '';
}

/** HS256 wants a key of at least 256 bits (RFC 7518, 3.2). */
const INTERNAL_TOKEN_SECRET_MIN_LENGTH = 32;
const SECRET_MESSAGE = `must be a random secret of at least ${INTERNAL_TOKEN_SECRET_MIN_LENGTH} characters, the same for the gateway and every service (e.g. openssl rand -base64 48)`;

/** The secret with which the gateway signs, and the services verify, the caller it forwards. Required. */
export function internalTokenSecretProperty(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MinLength(INTERNAL_TOKEN_SECRET_MIN_LENGTH, { message: `${String(key)} ${SECRET_MESSAGE}` })(target, key);
  };
}

/**
 * A service behind the gateway: it answers only calls that carry the gateway's internal token
 * (x-itsm-principal), signed with ITSM_INTERNAL_TOKEN_SECRET.
 */
export class InternalServiceEnv extends MongoEnv {
  /** Shared with the gateway; see internalTokenSecretProperty. */
  @internalTokenSecretProperty()
  ITSM_INTERNAL_TOKEN_SECRET = '';

  /**
   * The secret before the current one, still accepted while a rotation rolls out (empty: none).
   * Services get both, then the gateway the new one, then this is emptied again.
   */
  @ValidateIf((env: InternalServiceEnv) => env.ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET !== '')
  @internalTokenSecretProperty()
  ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET = '';
}

/** The secrets a service verifies internal tokens with: the current one, then the previous one if a rotation is under way. */
export function internalTokenSecrets(env: InternalServiceEnv): string[] {
  return [env.ITSM_INTERNAL_TOKEN_SECRET, env.ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET].filter((secret) => secret !== '');
}

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function portProperty(): PropertyDecorator {
  return (target, key) => {
    Type(() => Number)(target, key);
    IsInt()(target, key);
    Min(1)(target, key);
    Max(65535)(target, key);
  };
}

/** A MongoDB database name a service owns. */
export function databaseNameProperty(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    Matches(/^[A-Za-z0-9_-]{1,63}$/)(target, key);
  };
}

/** Unacknowledged messages in flight per consumer instance. */
export function prefetchProperty(): PropertyDecorator {
  return (target, key) => {
    Type(() => Number)(target, key);
    IsInt()(target, key);
    Min(1)(target, key);
    Max(1000)(target, key);
  };
}

export function logLevelProperty(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    IsIn(LOG_LEVELS)(target, key);
  };
}

/** Comma-separated list in the environment, string[] in the config. */
export function csvProperty(): PropertyDecorator {
  return Transform(({ value }) =>
    typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value,
  );
}
