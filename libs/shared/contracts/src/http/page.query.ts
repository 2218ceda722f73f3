import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { BY_NAME_CURSOR, CursorShape, CursorValue, NEWEST_FIRST_CURSOR, PageCursorParameter, cursorShapeOf, decodePageCursor } from './page-cursor';
import { QueryInteger } from '../validation/query-integer';

/** Items a page holds when the query names no `limit`, on every list. */
export const PAGE_DEFAULT_LIMIT = 50;
/** Most items a page holds (the cap of `limit`), on every list. */
export const PAGE_MAX_LIMIT = 200;
/** What a refused `limit` is told, whatever it broke: the whole rule. */
const LIMIT_RULE = `limit must be an integer from 1 to ${PAGE_MAX_LIMIT}`;

/**
 * The paging parameters of every list of the API, the same on each: `limit` (1..PAGE_MAX_LIMIT, default
 * PAGE_DEFAULT_LIMIT) and `cursor` (a previous page's `nextCursor`; none for the first page). A list's
 * query class extends this one and names in `cursorShape` the keys of its order (its sort keys, then the
 * id), so the gateway and the service, validating with the same class, refuse a cursor of another list
 * or anything else with 400 naming `cursor`.
 */
export class PageQuery {
  /** Newest first by time-ordered id unless the list says otherwise. */
  static readonly cursorShape: CursorShape = NEWEST_FIRST_CURSOR;

  // One message for every fault (validatePlain merges repeats): `1e2` or `0` is refused as what it is not, not with three rules that seem to contradict each other.
  @IsOptional()
  @QueryInteger()
  @IsInt({ message: LIMIT_RULE })
  @Min(1, { message: LIMIT_RULE })
  @Max(PAGE_MAX_LIMIT, { message: LIMIT_RULE })
  limit?: number;

  /** Opaque: the nextCursor of the previous page. */
  @PageCursorParameter()
  cursor?: string;
}

/** The paging parameters of a list by name, then id (calendars, service levels, services, catalogue items, the portfolio). */
export class ByNamePageQuery extends PageQuery {
  static override readonly cursorShape: CursorShape = BY_NAME_CURSOR;
}

/** Which page to read: how many items, and after which position (the keys of the previous page's last item). */
export interface PageRequest {
  limit: number;
  after?: CursorValue[];
}

/** The page a validated list query asks for, its cursor decoded with the shape of its class (400 naming `cursor` when it is not one). */
export function pageRequest(query: PageQuery): PageRequest {
  return {
    limit: query.limit ?? PAGE_DEFAULT_LIMIT,
    ...(query.cursor === undefined ? {} : { after: decodePageCursor(query.cursor, cursorShapeOf(query)) }),
  };
}
