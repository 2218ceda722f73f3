import { LogLevel, MongoEnv, databaseNameProperty, logLevelProperty, portProperty } from '@itsm/config';

export class DesignConfig extends MongoEnv {
  @portProperty()
  ITSM_DESIGN_PORT = 3301;

  /** The design service's own database; no other service reads it. */
  @databaseNameProperty()
  ITSM_DESIGN_DB = 'itsm_design';

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';
}
