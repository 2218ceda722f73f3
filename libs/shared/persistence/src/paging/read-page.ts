import { CursorValue, Page, PageRequest, encodePageCursor } from '@itsm/contracts';
import { Schema, mongo } from 'mongoose';

/**
 * The order a list is read in: stored fields with their direction (1 ascending, -1 descending), the last
 * one `_id`, so that no two records share a position and a cursor (the keys of this order of a page's
 * last record) says exactly where the next page starts. A list's query class names the same keys in its
 * `cursorShape` (`@itsm/contracts`), so cursors are checked before they reach the read.
 */
export type PageOrder = ReadonlyArray<PageOrderKey>;

/**
 * One key of a PageOrder: a stored field and its direction; `'date'` for a field stored as a Date, which a cursor
 * carries as epoch ms (cursor keys are strings and numbers) and the read compares as a Date again.
 */
export type PageOrderKey = readonly [field: string, direction: 1 | -1, kind?: 'date'];

/** Newest first by time-ordered (UUIDv7) id; cursor shape NEWEST_FIRST_CURSOR. */
export const NEWEST_FIRST: PageOrder = [['_id', -1]];
/** By name, then id; cursor shape BY_NAME_CURSOR. */
export const BY_NAME: PageOrder = [['name', 1], ['_id', 1]];
/** By position (an integer `order` field, ascending), then id: routing rules as they are tried; cursor shape BY_ORDER_CURSOR. */
export const BY_ORDER: PageOrder = [['order', 1], ['_id', 1]];

/**
 * Declares the index that serves a list read in `order` with no other filter: MongoDB reads a page from it
 * (a list filtered by equality needs an index that leads with those fields). FerretDB 1.x sorts in memory
 * whatever the indexes.
 */
export function indexPageOrder(schema: Schema, order: PageOrder): void {
  schema.index(sortOf(order));
}

/** The sort (and index keys) of `order`: each field with its direction. */
function sortOf(order: PageOrder): Record<string, 1 | -1> {
  return Object.fromEntries(order.map(([field, direction]) => [field, direction]));
}

/**
 * One page of the documents matching `filter`, in `order`, after the position `request.after` (none: from
 * the start): keyset paging, so a page starts right after the last record of the previous one whatever was
 * inserted or removed meanwhile. Reads `limit` + 1 documents to know whether another page follows; its
 * `nextCursor` carries the order's keys of the page's last record.
 *
 * Bounded on MongoDB when an index leads with the filter's equality fields and then the order's fields.
 * FerretDB 1.x pushes neither sorts nor ranges down, so there it reads every document matching the
 * filter's equality criteria and sorts them in memory: fine for reference data (calendars, services),
 * not for collections that grow without bound (see docs/ARCHITECTURE.md, "Lists").
 */
export async function readPage<TRecord extends mongo.Document>(
  collection: mongo.Collection,
  filter: mongo.Filter<mongo.Document>,
  order: PageOrder,
  { limit, after }: PageRequest,
  projection?: mongo.Document,
): Promise<Page<TRecord>> {
  const criteria = after === undefined ? filter : { ...filter, $and: [...((filter.$and as mongo.Filter<mongo.Document>[] | undefined) ?? []), afterPosition(order, after)] };
  const found = await collection
    .find<TRecord>(criteria, projection === undefined ? {} : { projection })
    .sort(sortOf(order))
    .limit(limit + 1)
    .toArray();
  const items = found.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: found.length > limit && last ? encodePageCursor(positionOf(last, order)) : null };
}

/**
 * The documents after `keys` in `order`: later in the first field, or equal in it and later in the
 * second, and so on (`{ $or: [...] }`; one range when the order has one field).
 */
export function afterPosition(order: PageOrder, keys: readonly CursorValue[]): mongo.Filter<mongo.Document> {
  // The query class's cursorShape and the repository's order name the same keys; a mismatch is a defect here, not a bad request.
  if (keys.length !== order.length) throw new Error(`a cursor of ${keys.length} keys for an order of ${order.length} fields (${order.map(([field]) => field).join(', ')})`);
  const stored = order.map(([, , kind], index) => (kind === 'date' ? new Date(Number(keys[index])) : keys[index]));
  const branches = order.map(([field, direction], index) => ({
    ...Object.fromEntries(order.slice(0, index).map(([equal], position) => [equal, stored[position]])),
    [field]: { [direction === 1 ? '$gt' : '$lt']: stored[index] },
  }));
  const [first, ...others] = branches;
  return first !== undefined && others.length === 0 ? first : { $or: branches };
}

/** The keys of `order` of a stored record: what its page's cursor carries (a date key as epoch ms). */
export function positionOf(record: mongo.Document, order: PageOrder): CursorValue[] {
  return order.map(([field, , kind]) => {
    const value: unknown = kind === 'date' && record[field] instanceof Date ? record[field].getTime() : record[field];
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`${String(record._id)} has no ${field} to page by`);
    return value;
  });
}
