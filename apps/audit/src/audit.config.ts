import { InternalServiceEnv, LogLevel, databaseNameProperty, logLevelProperty, portProperty, prefetchProperty } from '@itsm/config';

export class AuditConfig extends InternalServiceEnv {
  @portProperty()
  ITSM_AUDIT_PORT = 3201;

  /** The audit service's own database; no other service reads it. */
  @databaseNameProperty()
  ITSM_AUDIT_DB = 'itsm_audit';

  /** Events in flight per instance. */
  @prefetchProperty()
  ITSM_AUDIT_PREFETCH = 64;

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';
}
