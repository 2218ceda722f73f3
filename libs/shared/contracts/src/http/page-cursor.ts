import { IsOptional, Matches } from 'class-validator';

/** An optional `cursor` query parameter: what a previous page's `nextCursor` was (base64url, at most 100 characters). */
export function PageCursorParameter(): PropertyDecorator {
  const optional = IsOptional();
  const shape = Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'cursor must be a cursor returned by a previous page' });
  return (target, property) => {
    optional(target, property);
    shape(target, property);
  };
}

/** Page cursors are opaque to clients: the last (time-ordered) id of a page, base64url-encoded. */
export function encodePageCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

/** One page of newest-first records fetched with one extra (hasMore); the cursor is the page's last id. */
export function toPage<TRecord extends { _id: string }, TView>(
  records: readonly TRecord[],
  hasMore: boolean,
  view: (record: TRecord) => TView,
): { items: TView[]; nextCursor: string | null } {
  const last = records.at(-1);
  return { items: records.map(view), nextCursor: hasMore && last ? encodePageCursor(last._id) : null };
}

export function decodePageCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
