import { CURSOR_KEYS, CursorShape } from '../../http/page-cursor';
import { FinanceListQuery } from './finance-list.query';

/** Query of GET /api/v1/finance/costs, by date incurred, then id. */
export class ListCostsQuery extends FinanceListQuery {
  /** The date incurred and the entry id. */
  static override readonly cursorShape: CursorShape = [CURSOR_KEYS.date, CURSOR_KEYS.uuid];
}
