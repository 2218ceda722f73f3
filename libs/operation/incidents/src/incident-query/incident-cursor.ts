/** Page cursors are opaque to clients: the last id of a page, base64url-encoded. */
export function encodeIncidentCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

export function decodeIncidentCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
