import { InternalServiceEnv, LogLevel, databaseNameProperty, logLevelProperty, portProperty, prefetchProperty } from '@itsm/config';

export class TransitionConfig extends InternalServiceEnv {
  @portProperty()
  ITSM_TRANSITION_PORT = 3501;

  /** The transition service's own database (CMDB, changes, calendar, releases); no other service reads it. */
  @databaseNameProperty()
  ITSM_TRANSITION_DB = 'itsm_transition';

  /** Events of other services (itsm.transition.events) in flight per instance. */
  @prefetchProperty()
  ITSM_TRANSITION_PREFETCH = 16;

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';
}
