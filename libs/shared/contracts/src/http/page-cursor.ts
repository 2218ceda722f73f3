/** Page cursors are opaque to clients: the last (time-ordered) id of a page, base64url-encoded. */
export function encodePageCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

export function decodePageCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
