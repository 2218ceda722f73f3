import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min, MinLength, ValidateBy, ValidateIf, ValidationArguments } from 'class-validator';

/** ITSM_LOG_FORMAT: `json` (one object per line, the default) or `pretty` (human-readable). */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * Where an app runs. `production` refuses what is fit only for a laptop: the gateway's built-in
 * development issuer, and docker-compose.yml's public development secret in every app. The default is
 * `development`, so `npm start`, the tests and docker-compose.yml run as they are; k8s/base sets
 * `production` in its shared ConfigMap.
 */
export const RUNTIME_ENVIRONMENTS = ['development', 'production'] as const;
export type RuntimeEnvironment = (typeof RUNTIME_ENVIRONMENTS)[number];

/**
 * Marks a value of the example manifests (k8s/base) that must be replaced before use; no app starts
 * with a value that still contains it.
 */
export const PLACEHOLDER_MARK = 'REPLACE_ME';

/** How to generate a secret, as messages and docs say it. */
const SECRET_RECIPE = 'openssl rand -base64 48';

/** HS256 wants a key of at least 256 bits (RFC 7518, 3.2); the internal token's signer and verifier refuse a shorter one too. */
export const INTERNAL_TOKEN_SECRET_MIN_LENGTH = 32;

/**
 * docker-compose.yml's default ITSM_INTERNAL_TOKEN_SECRET: in this public repository, so anyone may
 * sign internal tokens with it. Accepted only when ITSM_ENV is development (checked against the compose
 * file by each app's *.deployment.spec.ts).
 */
export const DEVELOPMENT_INTERNAL_TOKEN_SECRET = 'compose-development-only-internal-token-secret-CHANGE-ME';

/**
 * Environment every app reads. Every property of these classes has a default so that `new Schema()`
 * lists the variables the schema reads (see loadConfig). Properties with a custom validator
 * (placeholderRefused, internalTokenSecretProperty) write out their type: the gateway's OpenAPI generator
 * describes a custom validator by the property's decorator metadata, which names a type only then.
 */
export class RuntimeEnv {
  @IsIn(RUNTIME_ENVIRONMENTS)
  ITSM_ENV: RuntimeEnvironment = 'development';

  /** How log lines are written to stdout: one JSON object per line (containers), or `pretty` for a terminal (`npm start`). */
  @IsIn(LOG_FORMATS)
  ITSM_LOG_FORMAT: LogFormat = 'json';

  /**
   * Port of the app's Prometheus metrics (GET /metrics), apart from its API port so that the gateway's
   * public port never serves them. 9464 in every container; `npm start` gives each app its own.
   */
  @portProperty()
  ITSM_METRICS_PORT = 9464;
}

/** Refuses a value that still holds the example manifests' placeholder; `replaceWith` says what belongs there instead. */
export function placeholderRefused(replaceWith: string): PropertyDecorator {
  return ValidateBy({
    name: 'placeholderRefused',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !value.includes(PLACEHOLDER_MARK),
      defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'the variable'} still holds the placeholder ${PLACEHOLDER_MARK} of the example manifests: set ${replaceWith}`,
    },
  });
}

export class AmqpEnv extends RuntimeEnv {
  /** amqp:// or amqps:// URL of the RabbitMQ broker. */
  @Matches(/^amqps?:\/\/.+/, { message: 'ITSM_AMQP_URL must be an amqp:// or amqps:// URL' })
  @placeholderRefused("your broker's URL with its real credentials (k8s/README.md, \"Secrets\")")
  ITSM_AMQP_URL: string = '';
}

export class MongoEnv extends AmqpEnv {
  /** mongodb:// URL of the MongoDB-wire server (MongoDB 7+ or FerretDB). */
  @Matches(/^mongodb(\+srv)?:\/\/.+/, { message: 'ITSM_MONGO_URL must be a mongodb:// URL' })
  @placeholderRefused("your database's URL with its real credentials (k8s/README.md, \"Secrets\")")
  ITSM_MONGO_URL: string = '';
}

const SECRET_MESSAGE = `must be a random secret of at least ${INTERNAL_TOKEN_SECRET_MIN_LENGTH} characters, the same for the gateway and every service (e.g. ${SECRET_RECIPE})`;

/**
 * The secret with which the gateway signs, and the services verify, the caller it forwards. Required:
 * at least 32 characters, no placeholder, and docker-compose.yml's public development default only
 * when ITSM_ENV is development.
 */
export function internalTokenSecretProperty(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MinLength(INTERNAL_TOKEN_SECRET_MIN_LENGTH, { message: `${String(key)} ${SECRET_MESSAGE}` })(target, key);
    placeholderRefused(`a random secret, e.g. ${SECRET_RECIPE}`)(target, key);
    ValidateBy({
      name: 'developmentSecretOnlyInDevelopment',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          value !== DEVELOPMENT_INTERNAL_TOKEN_SECRET || (args?.object as Partial<RuntimeEnv> | undefined)?.ITSM_ENV === 'development',
        defaultMessage: () =>
          `${String(key)} is docker-compose.yml's public development default, accepted only when ITSM_ENV is development: set a random secret, e.g. ${SECRET_RECIPE}`,
      },
    })(target, key);
  };
}

/**
 * A service behind the gateway: it answers only calls that carry the gateway's internal token
 * (x-itsm-principal), signed with ITSM_INTERNAL_TOKEN_SECRET.
 */
export class InternalServiceEnv extends MongoEnv {
  /** Shared with the gateway; see internalTokenSecretProperty. */
  @internalTokenSecretProperty()
  ITSM_INTERNAL_TOKEN_SECRET: string = '';

  /**
   * The secret before the current one, still accepted while a rotation rolls out (empty: none).
   * Services get the new secret with this one, then the gateway signs with the new one, then this is
   * emptied again (k8s/README.md, "Rotate").
   */
  @ValidateIf((env: InternalServiceEnv) => env.ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET !== '')
  @internalTokenSecretProperty()
  ITSM_INTERNAL_TOKEN_PREVIOUS_SECRET: string = '';
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

/**
 * ITSM_IMPORT_BODY_LIMIT_BYTES: the body limit of the CMDB import routes, read by the gateway and by the
 * transition service (set both to the same value: the service's limit is the gateway's forwarded body's);
 * every other route keeps its app's own limit (the gateway's ITSM_BODY_LIMIT_BYTES, 64 KiB). The default,
 * 32 MiB, holds a request of the most rows an import takes (IMPORT_MAX_ROWS, 10,000) at up to about
 * 3 KiB a row; the upper bound keeps one request from holding hundreds of MiB in a process.
 */
export function importBodyLimitProperty(): PropertyDecorator {
  return (target, key) => {
    Type(() => Number)(target, key);
    IsInt()(target, key);
    Min(64 * 1024)(target, key);
    Max(256 * 1024 * 1024)(target, key);
  };
}

/** The default of ITSM_IMPORT_BODY_LIMIT_BYTES (see importBodyLimitProperty). */
export const IMPORT_BODY_LIMIT_DEFAULT_BYTES = 32 * 1024 * 1024;
