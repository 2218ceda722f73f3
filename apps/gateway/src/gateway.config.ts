import { IMPORT_BODY_LIMIT_DEFAULT_BYTES, LogLevel, MongoEnv, csvProperty, databaseNameProperty, importBodyLimitProperty, internalTokenSecretProperty, logLevelProperty, portProperty } from '@itsm/config';
import { Type } from 'class-transformer';
import { Equals, IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Max, Min, ValidateIf } from 'class-validator';

export const AUTH_MODES = ['dev', 'oidc'] as const;

export class GatewayConfig extends MongoEnv {
  @portProperty()
  ITSM_GATEWAY_PORT = 3000;

  /** The gateway's own database (idempotency records); no other service reads it. */
  @databaseNameProperty()
  ITSM_GATEWAY_DB = 'itsm_gateway';

  /** Base URL of the operation service's query role. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  ITSM_OPERATION_QUERY_URL = 'http://127.0.0.1:3101';

  /** Base URL of the design service. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  ITSM_DESIGN_URL = 'http://127.0.0.1:3301';

  /** Base URL of the strategy service. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  ITSM_STRATEGY_URL = 'http://127.0.0.1:3401';

  /** Base URL of the transition service. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  ITSM_TRANSITION_URL = 'http://127.0.0.1:3501';

  /** Base URL of the audit service. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  ITSM_AUDIT_QUERY_URL = 'http://127.0.0.1:3201';

  /**
   * Signs the verified caller the gateway forwards to the services (x-itsm-principal, 60 s);
   * the services hold the same secret. Rotation: see k8s/README.md.
   */
  @internalTokenSecretProperty()
  ITSM_INTERNAL_TOKEN_SECRET: string = '';

  /** Largest request body accepted, in bytes, on every route but the CMDB imports; larger gets 413 naming the limit. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  ITSM_BODY_LIMIT_BYTES = 64 * 1024;

  /** Largest body of a CMDB import request (POST /api/v1/cmdb/imports/items|relationships), in bytes; the transition service reads it too. */
  @importBodyLimitProperty()
  ITSM_IMPORT_BODY_LIMIT_BYTES = IMPORT_BODY_LIMIT_DEFAULT_BYTES;

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';

  /** Browser origins allowed by CORS, comma-separated; empty allows none. */
  @csvProperty()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  ITSM_CORS_ORIGINS: string[] = [];

  /** Requests per minute from one client address, per gateway replica; more get 429 with Retry-After. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ITSM_RATE_LIMIT_PER_ADDRESS = 1200;

  /** Requests per minute from one authenticated user, per gateway replica. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ITSM_RATE_LIMIT_PER_USER = 600;

  /**
   * `dev`: the built-in issuer (keys under ITSM_DEV_ISSUER_DIR); `oidc`: your identity provider.
   * ITSM_ENV (RuntimeEnv, read by every app) production refuses `dev`.
   */
  @IsIn(AUTH_MODES)
  @ValidateIf((config: GatewayConfig) => config.ITSM_ENV === 'production')
  @Equals('oidc', { message: 'ITSM_AUTH_MODE must be oidc when ITSM_ENV is production (the development issuer is refused)' })
  ITSM_AUTH_MODE: (typeof AUTH_MODES)[number] = 'dev';

  @IsString()
  @IsNotEmpty()
  ITSM_DEV_ISSUER_DIR = '.itsm/dev-issuer';

  /** Issuer URL exactly as in the tokens' `iss`; its discovery document gives the JWKS. */
  @ValidateIf((config: GatewayConfig) => config.ITSM_AUTH_MODE === 'oidc')
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  ITSM_OIDC_ISSUER = '';

  /** Expected `aud` of access tokens. */
  @ValidateIf((config: GatewayConfig) => config.ITSM_AUTH_MODE === 'oidc')
  @IsString()
  @IsNotEmpty()
  ITSM_OIDC_AUDIENCE = '';

  /** Overrides discovery, for IdPs without it. */
  @ValidateIf((config: GatewayConfig) => config.ITSM_OIDC_JWKS_URL !== '')
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  ITSM_OIDC_JWKS_URL = '';

  /** Claim with the platform roles; dotted for nested claims (Keycloak: realm_access.roles). */
  @IsString()
  @IsNotEmpty()
  ITSM_OIDC_ROLES_CLAIM = 'roles';

  @IsString()
  @IsNotEmpty()
  ITSM_OIDC_GROUPS_CLAIM = 'groups';
}
