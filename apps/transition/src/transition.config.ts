import { IMPORT_BODY_LIMIT_DEFAULT_BYTES, InternalServiceEnv, LogLevel, databaseNameProperty, importBodyLimitProperty, logLevelProperty, portProperty, prefetchProperty } from '@itsm/config';

export class TransitionConfig extends InternalServiceEnv {
  @portProperty()
  ITSM_TRANSITION_PORT = 3501;

  /** The transition service's own database (CMDB, changes, calendar, releases); no other service reads it. */
  @databaseNameProperty()
  ITSM_TRANSITION_DB = 'itsm_transition';

  /** Events of other services (itsm.transition.events) in flight per instance. */
  @prefetchProperty()
  ITSM_TRANSITION_PREFETCH = 16;

  /** Largest body of a CMDB import request, in bytes: the same value as the gateway's (which forwards the import's body). */
  @importBodyLimitProperty()
  ITSM_IMPORT_BODY_LIMIT_BYTES = IMPORT_BODY_LIMIT_DEFAULT_BYTES;

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';
}
