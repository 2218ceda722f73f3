import { BY_NAME_CURSOR, CURSOR_KEYS, NEWEST_FIRST_CURSOR, PAGE_CURSOR_MAX_LENGTH, cursorKeyMatching, decodePageCursor, encodePageCursor, readPageCursor } from './page-cursor';
import { RuleViolationError } from '../errors/domain-errors';
import { toPage } from './page.view';

const ID = '019ab3c4-1d2e-7f00-8abc-0123456789ab';
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The same bytes with the unused low bit of the last character set: decoders ignore it. */
const otherSpelling = (cursor: string) => `${cursor.slice(0, -1)}${ALPHABET[ALPHABET.indexOf(cursor.slice(-1)) ^ 1]}`;

describe('page cursor', () => {
  it('round-trips an id through an URL-safe token', () => {
    const cursor = encodePageCursor([ID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(cursor, NEWEST_FIRST_CURSOR)).toEqual([ID]);
  });

  it.each([
    ['a plain name', 'Email'],
    ['quotes, backslashes and a comma', 'Mail "A", \\ B'],
    ['letters beyond ASCII and an emoji', 'Störungs-Kalender 📅'],
    ['the longest name', 'ü'.repeat(200)],
    ['escaped characters at the longest name', '"'.repeat(200)],
  ])('round-trips the sort key and the id of a list by name: %s', (_case, name) => {
    const cursor = encodePageCursor([name, ID]);
    expect(cursor.length).toBeLessThanOrEqual(PAGE_CURSOR_MAX_LENGTH);
    expect(decodePageCursor(cursor, BY_NAME_CURSOR)).toEqual([name, ID]);
  });

  it('has bits to spare in the last character of the cursor whose other spelling is refused below', () => {
    const cursor = encodePageCursor([ID]);
    expect(Buffer.from(otherSpelling(cursor), 'base64url')).toEqual(Buffer.from(cursor, 'base64url'));
  });

  it('round-trips integer and date keys', () => {
    const shape = [CURSOR_KEYS.date, CURSOR_KEYS.integer, CURSOR_KEYS.uuid];
    expect(decodePageCursor(encodePageCursor(['2026-03-10', 24_315, ID]), shape)).toEqual(['2026-03-10', 24_315, ID]);
  });

  it.each([
    ['empty', ''],
    ['not base64url', '$gt'],
    ['longer than the maximum', 'A'.repeat(PAGE_CURSOR_MAX_LENGTH + 1)],
    ['base64url of no JSON (the audit trail took it)', 'zzz'],
    ['base64url of bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x5b]).toString('base64url')],
    ['another spelling of a valid cursor (trailing bits)', otherSpelling(encodePageCursor([ID]))],
    ['the former shape, an id alone without JSON', base64url(ID)],
    ['JSON that is not an array', base64url(JSON.stringify({ id: ID }))],
    ['an empty array', base64url('[]')],
    ['too many keys', encodePageCursor([ID, ID])],
    ['a key that is not an id of the list', encodePageCursor(['not an id'])],
    ['a number where the id belongs', encodePageCursor([42])],
    ['an operator object where the id belongs', base64url(JSON.stringify([{ $gt: '' }]))],
    ['null where the id belongs', base64url('[null]')],
  ])('refuses a cursor that is %s for a newest-first list', (_case, cursor) => {
    expect(readPageCursor(cursor, NEWEST_FIRST_CURSOR)).toBeUndefined();
    expect(() => decodePageCursor(cursor, NEWEST_FIRST_CURSOR)).toThrow(RuleViolationError);
  });

  it.each([
    ['the cursor of a newest-first list', encodePageCursor([ID])],
    ['keys in the wrong order', encodePageCursor([ID, 'Email'])],
    ['an empty name', encodePageCursor(['', ID])],
    ['a name longer than any name', encodePageCursor(['x'.repeat(201), ID])],
    ['a name and something that is not an id', encodePageCursor(['Email', 'not an id'])],
  ])('refuses %s for a list by name', (_case, cursor) => {
    expect(readPageCursor(cursor, BY_NAME_CURSOR)).toBeUndefined();
  });

  it('refuses a date or an integer that is not one', () => {
    const shape = [CURSOR_KEYS.date, CURSOR_KEYS.integer];
    expect(readPageCursor(encodePageCursor(['10.03.2026', 1]), shape)).toBeUndefined();
    expect(readPageCursor(encodePageCursor(['2026-03-10', 1.5]), shape)).toBeUndefined();
    expect(readPageCursor(encodePageCursor(['2026-03-10', '1']), shape)).toBeUndefined();
  });

  it('names the field in the 400 it throws', () => {
    expect(() => decodePageCursor('zzz', BY_NAME_CURSOR)).toThrow(
      expect.objectContaining({ issues: [{ field: 'cursor', messages: ['cursor must be the nextCursor of a previous page of this list (which carries a name, a record id)'] }] }) as Error,
    );
  });

  it('makes keys of a list\'s own id form', () => {
    const budgetId = cursorKeyMatching(/^[0-9a-f-]{36}:\d{4}$/, 'a budget id');
    expect(readPageCursor(encodePageCursor([`${ID}:2026`]), [budgetId])).toEqual([`${ID}:2026`]);
    expect(readPageCursor(encodePageCursor([ID]), [budgetId])).toBeUndefined();
  });
});

describe('toPage', () => {
  it('shows each item as the view does and keeps the cursor', () => {
    expect(toPage({ items: [{ _id: 'b' }, { _id: 'a' }], nextCursor: 'next' }, (record) => record._id.toUpperCase())).toEqual({ items: ['B', 'A'], nextCursor: 'next' });
  });

  it('has no cursor on the last page', () => {
    expect(toPage({ items: [{ _id: 'a' }], nextCursor: null }, (record) => record).nextCursor).toBeNull();
  });
});
