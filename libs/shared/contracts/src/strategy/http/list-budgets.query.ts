import { CURSOR_KEYS, CursorShape, cursorKeyMatching } from '../../http/page-cursor';
import { BUDGET_ID_PATTERN } from '../messages/financials-fields.v1';
import { FinanceListQuery } from './finance-list.query';

/** Query of GET /api/v1/finance/budgets, by service, then period start, then id. */
export class ListBudgetsQuery extends FinanceListQuery {
  /** The service id, the index of the period's first month and the budget id (`<serviceId>:<period>`). */
  static override readonly cursorShape: CursorShape = [CURSOR_KEYS.uuid, CURSOR_KEYS.integer, cursorKeyMatching(BUDGET_ID_PATTERN, 'a budget id')];
}
