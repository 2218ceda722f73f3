import { IsOptional, Matches, ValidateBy, ValidationArguments } from 'class-validator';
import { RuleViolationError } from '../errors/domain-errors';
import { UUID_PATTERN } from '../ids/uuid-v7';

/**
 * Page cursors. A list is read in an order that ends with the record id, so no two records share a
 * position; a page's `nextCursor` carries the keys of that order of its last item (the sort keys, then
 * the id), and the next page starts right after that position (keyset paging). A record inserted or
 * removed meanwhile therefore neither repeats nor hides another, as an offset would. Cursors are opaque
 * to clients: JSON of the keys, base64url-encoded.
 */

/** The value of one key a cursor carries. */
export type CursorValue = string | number;

/** One key a cursor carries: what it holds (named in the 400 for a cursor that is not one) and which values it accepts. */
export interface CursorKey {
  readonly holds: string;
  accepts(value: unknown): boolean;
}

/** The keys a list's cursors carry, in its order: its sort keys, then the record id. */
export type CursorShape = readonly CursorKey[];

/** A key whose values are strings matching `pattern`. */
export function cursorKeyMatching(pattern: RegExp, holds: string): CursorKey {
  return { holds, accepts: (value) => typeof value === 'string' && pattern.test(value) };
}

/** The largest instant a Date holds, in epoch ms either side of 1970 (ECMA-262, "Time Values and Time Range"). */
const MAX_EPOCH_MS = 8.64e15;

/** The kinds of key the platform's lists sort by. */
export const CURSOR_KEYS = {
  /** The id of a record the platform created (a UUID, UUIDv7 for every new record). */
  uuid: cursorKeyMatching(UUID_PATTERN, 'a record id'),
  /** A name as the contracts allow one (1..200 characters). */
  name: { holds: 'a name', accepts: (value: unknown) => typeof value === 'string' && value.length >= 1 && value.length <= 200 },
  /** An ISO date, YYYY-MM-DD. */
  date: cursorKeyMatching(/^\d{4}-\d{2}-\d{2}$/, 'a date'),
  /** An integer (a month index, a position). */
  integer: { holds: 'an integer', accepts: (value: unknown) => Number.isSafeInteger(value) },
  /**
   * An instant in epoch ms that a Date can hold (|ms| <= 8.64e15, ECMA-262's time range): past it a Date is
   * invalid, and the driver would store it as 1970-01-01, so a page would start over instead of being refused.
   */
  instant: { holds: 'an instant', accepts: (value: unknown) => Number.isSafeInteger(value) && Math.abs(value as number) <= MAX_EPOCH_MS },
} as const satisfies Record<string, CursorKey>;

/** Newest first by time-ordered (UUIDv7) id: the id alone is the position. */
export const NEWEST_FIRST_CURSOR: CursorShape = [CURSOR_KEYS.uuid];
/** By name, then id: the name and the id. */
export const BY_NAME_CURSOR: CursorShape = [CURSOR_KEYS.name, CURSOR_KEYS.uuid];
/** By position (an integer `order`), then id: routing rules in the order they are tried. */
export const BY_ORDER_CURSOR: CursorShape = [CURSOR_KEYS.integer, CURSOR_KEYS.uuid];

/** Longest cursor accepted: a name of 200 characters, each escaped in JSON, and an id, in base64url. */
export const PAGE_CURSOR_MAX_LENGTH = 2048;
const CURSOR_TOKEN = new RegExp(`^[A-Za-z0-9_-]{1,${PAGE_CURSOR_MAX_LENGTH}}$`);
/** Says what a cursor of the list carries, so a client that built one by hand learns why it is refused. */
function cursorMessage(shape: CursorShape): string {
  return `cursor must be the nextCursor of a previous page of this list (which carries ${shape.map((key) => key.holds).join(', ')})`;
}

/** The cursor of a position: its keys (the list's sort keys, then the id) as base64url JSON. */
export function encodePageCursor(keys: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(keys), 'utf8').toString('base64url');
}

/** The keys a cursor carries when it is a cursor of a list of this shape, else undefined. */
export function readPageCursor(cursor: string, shape: CursorShape): CursorValue[] | undefined {
  if (!CURSOR_TOKEN.test(cursor)) return undefined;
  const bytes = Buffer.from(cursor, 'base64url');
  // One spelling per cursor: trailing bits or other padding would decode to the same keys.
  if (bytes.toString('base64url') !== cursor) return undefined;
  let keys: unknown;
  try {
    keys = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (!Array.isArray(keys) || keys.length !== shape.length) return undefined;
  return shape.every((key, index) => key.accepts(keys[index])) ? (keys as CursorValue[]) : undefined;
}

/** The keys of a cursor of a list of this shape: 400 naming `cursor` for anything else. */
export function decodePageCursor(cursor: string, shape: CursorShape): CursorValue[] {
  const keys = readPageCursor(cursor, shape);
  if (!keys) throw RuleViolationError.of('cursor', cursorMessage(shape));
  return keys;
}

/**
 * The cursor shape of a list query: what its class's `static cursorShapeFor(query)` answers (a list with a choice
 * of orders, whose cursors carry the keys of the order asked for), else its class's `static cursorShape`;
 * newest first by id when it declares neither.
 */
export function cursorShapeOf(query: object): CursorShape {
  const list = query.constructor as { cursorShape?: CursorShape; cursorShapeFor?: (query: object) => CursorShape };
  return list.cursorShapeFor?.(query) ?? list.cursorShape ?? NEWEST_FIRST_CURSOR;
}

/**
 * An optional `cursor` query parameter: a previous page's `nextCursor` of this list. The token's form
 * (base64url, at most PAGE_CURSOR_MAX_LENGTH characters) is one rule; that it decodes to the keys the
 * query class's `cursorShape` names (a name and an id, an id, ...) is another, so a cursor of a list
 * ordered otherwise, or keys that are not an id of the list, are refused where the class validates.
 */
export function PageCursorParameter(): PropertyDecorator {
  const token = Matches(CURSOR_TOKEN, { message: `cursor must be a nextCursor: base64url, at most ${PAGE_CURSOR_MAX_LENGTH} characters` });
  const ofThisList = ValidateBy({
    name: 'isPageCursorOfList',
    validator: {
      // A malformed token is the first rule's to report.
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value !== 'string' || !CURSOR_TOKEN.test(value) || (args !== undefined && readPageCursor(value, cursorShapeOf(args.object)) !== undefined),
      defaultMessage: (args?: ValidationArguments) => cursorMessage(args === undefined ? NEWEST_FIRST_CURSOR : cursorShapeOf(args.object)),
    },
  });
  const optional = IsOptional();
  return (target, property) => {
    optional(target, property);
    token(target, property);
    ofThisList(target, property);
  };
}
