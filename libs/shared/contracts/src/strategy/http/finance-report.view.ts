import { Matches } from 'class-validator';
import { CURRENCY_PATTERN, FISCAL_PERIOD_PATTERN } from '../messages/financials-fields.v1';

/** What every finance report states first: the fiscal period it covers and the currency of its amounts. */
export abstract class FinanceReportView {
  @Matches(FISCAL_PERIOD_PATTERN)
  period!: string;

  /** ISO 4217 code of every amount (ITSM_STRATEGY_CURRENCY). */
  @Matches(CURRENCY_PATTERN)
  currency!: string;
}
