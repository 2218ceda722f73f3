import { InternalServiceEnv, LogLevel, csvProperty, databaseNameProperty, logLevelProperty, portProperty, prefetchProperty } from '@itsm/config';
import { ArrayNotEmpty, IsIn } from 'class-validator';

/**
 * Roles let one image run as separately scaled deployments:
 * `intake` consumes the intake queue (scaled by queue depth),
 * `query` answers the gateway's reads.
 */
export const OPERATION_ROLES = ['intake', 'query'] as const;
export type OperationRole = (typeof OPERATION_ROLES)[number];

export class OperationConfig extends InternalServiceEnv {
  @csvProperty()
  @ArrayNotEmpty()
  @IsIn(OPERATION_ROLES, { each: true })
  ITSM_OPERATION_ROLES: OperationRole[] = ['intake', 'query'];

  @portProperty()
  ITSM_OPERATION_PORT = 3101;

  /** The operation service's own database; no other service reads it. */
  @databaseNameProperty()
  ITSM_OPERATION_DB = 'itsm_operation';

  /** Intake messages in flight per instance. */
  @prefetchProperty()
  ITSM_INTAKE_PREFETCH = 64;

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';
}
