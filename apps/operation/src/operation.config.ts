import { InternalServiceEnv, LogLevel, csvProperty, databaseNameProperty, logLevelProperty, portProperty, prefetchProperty } from '@itsm/config';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsIn, IsInt, Max, Min } from 'class-validator';

/**
 * Roles let one image run as separately scaled deployments:
 * `intake` consumes the intake queue (scaled by queue depth),
 * `query` answers the gateway's reads and lifecycle commands (assign, start, hold, resolve, ...) and
 * runs the auto-close sweep.
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

  /**
   * A Resolved incident closes by itself this many seconds of business time after its resolution (24x7
   * until the lifecycle gets a business calendar). Default 3 days.
   */
  @secondsProperty(1)
  ITSM_INCIDENT_AUTO_CLOSE_AFTER_SECONDS = 259_200;

  /** The caller may reopen their resolved incident for this many seconds of business time. Default 5 days. */
  @secondsProperty(0)
  ITSM_INCIDENT_CALLER_REOPEN_WITHIN_SECONDS = 432_000;

  /** How often the auto-close sweep looks for incidents past their auto-close time. */
  @secondsProperty(1)
  ITSM_INCIDENT_AUTO_CLOSE_SWEEP_SECONDS = 60;

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';
}

/** A whole number of seconds from `min` up to a year. */
function secondsProperty(min: number): PropertyDecorator {
  return (target, key) => {
    Type(() => Number)(target, key);
    IsInt()(target, key);
    Min(min)(target, key);
    Max(31_536_000)(target, key);
  };
}
