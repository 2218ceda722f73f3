import { LogLevel, MongoEnv, databaseNameProperty, logLevelProperty, portProperty } from '@itsm/config';

export class StrategyConfig extends MongoEnv {
  @portProperty()
  ITSM_STRATEGY_PORT = 3401;

  /** The strategy service's own database; no other service reads it. */
  @databaseNameProperty()
  ITSM_STRATEGY_DB = 'itsm_strategy';

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';
}
