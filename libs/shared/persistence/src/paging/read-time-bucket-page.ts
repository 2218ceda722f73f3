import { Page, PageRequest, encodePageCursor } from '@itsm/contracts';
import { Schema, mongo } from 'mongoose';
import { isTimeLimitError } from '../mongo-errors';

/**
 * One read of a time-bucket walk: equality on one bucket, an id range, newest first (the shape of
 * `TimeBucketRead` of `@itsm/time-buckets`, which plans them; platform libraries import no domain library).
 */
export interface TimeBucketPageRead {
  bucket: string;
  /** Only ids lower than this. */
  belowId?: string;
  /** Only ids from this one up. */
  fromId?: string;
  /** The read may be given up once it has taken this long (ms); the walk is then told `split()`. */
  timeLimitMs?: number;
}

/** The reads of one page: `next(n)` after a read that returned n records, `split()` after one given up. */
export interface TimeBucketPageWalk {
  next(returnedByPrevious: number): TimeBucketPageRead | undefined;
  split(): TimeBucketPageRead | undefined;
}

/** How a collection's newest-first list is bucketed. */
export interface TimeBuckets {
  /** The stored field holding each record's buckets (`timeBucketsOf` of `@itsm/time-buckets`). */
  field: string;
  /** The walk of one page of `need` records below `beforeId` (`new TimeBucketWalk(need, beforeId, new Date())`). */
  walk(need: number, beforeId: string | undefined): TimeBucketPageWalk;
}

/**
 * Adds the stored buckets to `schema` (`field`: strings, internal to storage) and the index that
 * serves a bucket read, `{ [field]: 1, _id: -1 }`: on MongoDB it serves the equality and the id
 * order; on FerretDB the launcher's GIN companion of its first field serves the equality (see
 * tools/infra/ferretdb-gin-indexes.sql), which is what bounds a read there.
 */
export function addTimeBuckets(schema: Schema, field: string): void {
  schema.add({ [field]: { type: [String] } });
  schema.index({ [field]: 1, _id: -1 });
}

/**
 * One page of the documents matching `filter`, newest first by their time-ordered (UUIDv7) `_id`, after
 * `request.after` (the NEWEST_FIRST cursor: the previous page's last id): the page `readPage` with
 * NEWEST_FIRST gives, read bucket by bucket as `buckets.walk` plans it, each read the filter plus an
 * equality on one bucket (and an id range), so a page costs about what its own records cost however many
 * the collection holds, on FerretDB too (which sorts in memory what the equalities select). Documents
 * without buckets are not listed (see `backfillField`). `filter` holds no condition on `_id`. The
 * buckets are storage: left out of what an exclusion `projection` (or none) returns.
 *
 * A read with a time limit (a coarse bucket) is given up when the server reports the limit ran out, and
 * also when its answer took the limit or longer, whatever it held: FerretDB 1.24 answers a find whose
 * `maxTimeMS` ran out while it assembled the first batch with that batch cut short and no error (its
 * cursor registry closes the cursor at the deadline). An answer that came sooner cannot have met the
 * deadline. Each read asks for everything it may return in its first batch, so no getMore meets a closed
 * cursor.
 */
export async function readTimeBucketPage<TRecord extends mongo.Document>(
  collection: mongo.Collection,
  filter: mongo.Filter<mongo.Document>,
  buckets: TimeBuckets,
  { limit, after }: PageRequest,
  projection?: mongo.Document,
): Promise<Page<TRecord>> {
  if ('_id' in filter) throw new Error('a time-bucket page is ranged by _id itself; the filter may not name it');
  const [beforeId, ...rest] = after ?? [];
  if (after !== undefined && (typeof beforeId !== 'string' || rest.length > 0)) {
    // The query class's cursorShape (NEWEST_FIRST_CURSOR) is checked before the read; anything else is a defect here.
    throw new Error(`a newest-first cursor is one id, not ${JSON.stringify(after)}`);
  }
  const need = limit + 1;
  const walk = buckets.walk(need, typeof beforeId === 'string' ? beforeId : undefined);
  const found: TRecord[] = [];
  for (let read = walk.next(0); read !== undefined; ) {
    const records = await readBucket<TRecord>(collection, { ...filter, [buckets.field]: read.bucket }, read, need - found.length, withoutField(projection, buckets.field));
    if (records === 'given up') {
      read = walk.split();
      continue;
    }
    found.push(...records);
    read = walk.next(records.length);
  }
  const items = found.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: found.length > limit && last ? encodePageCursor([String(last._id)]) : null };
}

/** `projection` that also leaves out `field`, unless it lists what to include (which leaves it out already). */
function withoutField(projection: mongo.Document | undefined, field: string): mongo.Document {
  if (projection === undefined) return { [field]: 0 };
  const includes = Object.entries(projection).some(([name, value]) => name !== '_id' && value !== 0 && value !== false);
  return includes ? projection : { ...projection, [field]: 0 };
}

/** One read of a walk, newest first, at most `limit`; 'given up' when a read with a time limit met it. */
async function readBucket<TRecord extends mongo.Document>(
  collection: mongo.Collection,
  filter: mongo.Filter<mongo.Document>,
  read: TimeBucketPageRead,
  limit: number,
  projection: mongo.Document,
): Promise<TRecord[] | 'given up'> {
  const ids = { ...(read.belowId === undefined ? {} : { $lt: read.belowId }), ...(read.fromId === undefined ? {} : { $gte: read.fromId }) };
  const criteria: mongo.Document = Object.keys(ids).length === 0 ? filter : { ...filter, _id: ids };
  const find = collection
    .find<TRecord>(criteria as mongo.Filter<mongo.Document>, { projection })
    .sort({ _id: -1 })
    .limit(limit)
    .batchSize(limit);
  if (read.timeLimitMs === undefined) return find.toArray();
  const started = performance.now();
  try {
    const records = await find.maxTimeMS(read.timeLimitMs).toArray();
    return performance.now() - started < read.timeLimitMs ? records : 'given up';
  } catch (error) {
    if (isTimeLimitError(error)) return 'given up';
    throw error;
  }
}
