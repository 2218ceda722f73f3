import { BY_NAME_CURSOR, CursorShape } from '../../http/page-cursor';
import { PageQuery } from '../../http/page.query';

/** Query of GET /api/v1/alert-sources, by name, then id. */
export class ListAlertSourcesQuery extends PageQuery {
  static override readonly cursorShape: CursorShape = BY_NAME_CURSOR;
}
