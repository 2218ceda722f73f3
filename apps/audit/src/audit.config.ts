import { LogLevel, MongoEnv, logLevelProperty, portProperty } from '@itsm/config';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class AuditConfig extends MongoEnv {
  @portProperty()
  ITSM_AUDIT_PORT = 3201;

  /** The audit service's own database; no other service reads it. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,63}$/)
  ITSM_AUDIT_DB = 'itsm_audit';

  /** Events in flight per instance. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  ITSM_AUDIT_PREFETCH = 64;

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';
}
