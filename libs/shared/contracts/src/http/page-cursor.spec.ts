import { decodePageCursor, encodePageCursor } from './page-cursor';

describe('page cursor', () => {
  it('round-trips an id through an URL-safe token', () => {
    const id = '019ab3c4-1d2e-7f00-8abc-0123456789ab';
    const cursor = encodePageCursor(id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(cursor)).toBe(id);
  });
});
