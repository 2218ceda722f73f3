import { InternalServiceEnv, LogLevel, databaseNameProperty, logLevelProperty, portProperty } from '@itsm/config';
import { CURRENCY_PATTERN } from '@itsm/contracts/strategy';
import { Matches } from 'class-validator';

export class StrategyConfig extends InternalServiceEnv {
  @portProperty()
  ITSM_STRATEGY_PORT = 3401;

  /** The strategy service's own database; no other service reads it. */
  @databaseNameProperty()
  ITSM_STRATEGY_DB = 'itsm_strategy';

  /**
   * ISO 4217 code of every amount the financials keep and report. One currency
   * per platform: amounts are stored without one, so change it only on an empty database.
   */
  @Matches(CURRENCY_PATTERN, { message: 'ITSM_STRATEGY_CURRENCY must be an ISO 4217 code of 3 upper-case letters, e.g. EUR' })
  ITSM_STRATEGY_CURRENCY = 'EUR';

  @logLevelProperty()
  ITSM_LOG_LEVEL: LogLevel = 'log';
}
