import { decodePageCursor, encodePageCursor, toPage } from './page-cursor';

describe('page cursor', () => {
  it('round-trips an id through an URL-safe token', () => {
    const id = '019ab3c4-1d2e-7f00-8abc-0123456789ab';
    const cursor = encodePageCursor(id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(cursor)).toBe(id);
  });
});

describe('toPage', () => {
  const records = [{ _id: 'b' }, { _id: 'a' }];

  it('points the cursor at the last record when more follow', () => {
    const page = toPage(records, true, (record) => record._id.toUpperCase());
    expect(page.items).toEqual(['B', 'A']);
    expect(decodePageCursor(page.nextCursor ?? '')).toBe('a');
  });

  it('has no cursor on the last page', () => {
    expect(toPage(records, false, (record) => record).nextCursor).toBeNull();
  });
});
