import { InternalServiceEnv, LogLevel, databaseNameProperty, logLevelProperty, portProperty, prefetchProperty } from '@itsm/config';

export class DesignConfig extends InternalServiceEnv {
  @portProperty()
  ITSM_DESIGN_PORT = 3301;

  /** The design service's own database; no other service reads it. */
  @databaseNameProperty()
  ITSM_DESIGN_DB = 'itsm_design';

  /** Portfolio events in flight per instance. */
  @prefetchProperty()
  ITSM_DESIGN_PREFETCH = 16;

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';
}
