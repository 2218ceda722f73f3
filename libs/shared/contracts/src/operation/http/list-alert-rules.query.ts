import { BY_ORDER_CURSOR, CursorShape } from '../../http/page-cursor';
import { PageQuery } from '../../http/page.query';

/** Query of GET /api/v1/alert-rules, in the order they are tried (by `order`, then id). */
export class ListAlertRulesQuery extends PageQuery {
  static override readonly cursorShape: CursorShape = BY_ORDER_CURSOR;
}
