import { CURSOR_KEYS, CursorShape } from '../../http/page-cursor';
import { PageQuery } from '../../http/page.query';

/** Query string of GET /api/v1/incidents/:id/timeline: oldest first, by the entry's position (`seq`). */
export class IncidentTimelineQuery extends PageQuery {
  static override readonly cursorShape: CursorShape = [CURSOR_KEYS.integer];
}
