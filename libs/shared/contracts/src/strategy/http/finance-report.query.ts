import { Matches } from 'class-validator';
import { FISCAL_PERIOD_PATTERN, PERIOD_MESSAGE } from '../messages/financials-fields.v1';

/** Query of the finance reports: the fiscal period reported on (required). */
export class FinanceReportQuery {
  @Matches(FISCAL_PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period!: string;
}
