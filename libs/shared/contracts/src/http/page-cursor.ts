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
