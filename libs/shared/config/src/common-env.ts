import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';

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
