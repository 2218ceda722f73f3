import { uuidV7 } from '@itsm/contracts';
import { AHEAD_BUCKET, SPLITTABLE_READ_TIME_LIMIT_MS, TimeBucketRead, TimeBucketWalk, isAheadOf, timeBucketsOf } from './time-buckets';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Stored {
  id: string;
  buckets: string[];
}

/** Records whose ids were made at these times, stored `delayMs` later (by the storing process's clock). */
function stored(times: readonly number[], delayMs = 20): Stored[] {
  return times.map((time) => {
    const id = uuidV7(time);
    return { id, buckets: timeBucketsOf(id, new Date(time + delayMs)) };
  });
}

function newestFirst(a: Stored, b: Stored): number {
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function matches(read: TimeBucketRead, record: Stored): boolean {
  return (
    record.buckets.includes(read.bucket) &&
    (read.belowId === undefined || record.id < read.belowId) &&
    (read.fromId === undefined || record.id >= read.fromId)
  );
}

/**
 * Runs a walk as readTimeBucketPage (@itsm/persistence) does, over records that all match the page's filters: each read
 * returns its matches sorted newest first, at most what the page still needs. `decoded` counts what
 * FerretDB decodes: every record in the read's bucket, before the id range is applied. A
 * splittable read that would decode more than `giveUpAbove` records is given up after decoding
 * that many, as the time limit does.
 */
function walkPage(records: readonly Stored[], need: number, beforeId?: string, now = NOW, giveUpAbove = 2_000) {
  const walk = new TimeBucketWalk(need, beforeId, new Date(now));
  const page: Stored[] = [];
  const reads: TimeBucketRead[] = [];
  let decoded = 0;
  for (let read = walk.next(0); read; ) {
    const current = read;
    reads.push(current);
    const inBucket = records.filter((record) => record.buckets.includes(current.bucket)).length;
    if (current.timeLimitMs !== undefined && inBucket > giveUpAbove) {
      decoded += giveUpAbove;
      read = walk.split();
      continue;
    }
    decoded += inBucket;
    const returned = records.filter((record) => matches(current, record)).sort(newestFirst).slice(0, need - page.length);
    page.push(...returned);
    read = walk.next(returned.length);
  }
  return { ids: page.map((record) => record.id), reads, decoded };
}

function expectedPage(records: readonly Stored[], need: number, beforeId?: string): string[] {
  return records
    .filter((record) => beforeId === undefined || record.id < beforeId)
    .sort(newestFirst)
    .slice(0, need)
    .map((record) => record.id);
}

/** Times ending at `end`, `count` of them, `spacingMs` apart. */
function steady(count: number, spacingMs: number, end = NOW - 50): number[] {
  return Array.from({ length: count }, (_, index) => end - index * spacingMs);
}

/** A deterministic pseudo-random sequence in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('timeBucketsOf', () => {
  it('stores the 10- to 2-digit prefixes of the id time, finest first', () => {
    const id = '019ad5f3-2b7c-7d01-8e4f-0123456789ab';
    expect(timeBucketsOf(id, new Date(Number.parseInt('019ad5f32b7c', 16)))).toEqual([
      '019ad5f32b',
      '019ad5f32',
      '019ad5f3',
      '019ad5f',
      '019ad5',
      '019ad',
      '019a',
      '019',
      '01',
    ]);
  });

  it.each([
    ['stored after it was accepted', -20, false],
    ['accepted on a clock up to 250 ms ahead', 250, false],
    ['accepted on a clock more than 250 ms ahead', 251, true],
    ['far ahead', 10 * HOUR, true],
  ])('an id %s (%d ms ahead of the storing clock) is in the ahead bucket: %s', (_, aheadMs, ahead) => {
    const id = uuidV7(NOW + aheadMs);
    expect(isAheadOf(id, new Date(NOW))).toBe(ahead);
    expect(timeBucketsOf(id, new Date(NOW)).includes(AHEAD_BUCKET)).toBe(ahead);
  });

  it('puts an id that is not a UUIDv7 from the future in the ahead bucket', () => {
    expect(isAheadOf('f47ac10b-58cc-4372-a567-0e02b2c3d479', new Date(NOW))).toBe(true);
  });
});

describe('TimeBucketWalk', () => {
  it('reads the ahead bucket first, then the finest bucket half a second after now', () => {
    const walk = new TimeBucketWalk(51, undefined, new Date(NOW));
    const start = (NOW + 500).toString(16).padStart(12, '0');
    expect(walk.next(0)).toEqual({ bucket: AHEAD_BUCKET, fromId: `${start.slice(0, 8)}-${start.slice(8)}` });
    expect(walk.next(0)).toEqual({ bucket: start.slice(0, 10), belowId: `${start.slice(0, 8)}-${start.slice(8)}` });
  });

  it('puts the time limit on reads coarser than the finest only, and splits only those', () => {
    // A cursor a day back, after a sparse stretch: the second read climbs one level.
    const walk = new TimeBucketWalk(51, uuidV7(NOW - 24 * HOUR), new Date(NOW));
    const finest = walk.next(0);
    expect(finest?.timeLimitMs).toBeUndefined();
    expect(() => walk.split()).toThrow('only a read with a time limit can be split');
    const afterFinest = walk.next(0);
    const coarser = walk.next(0);
    expect(afterFinest?.bucket).toHaveLength(10);
    expect(coarser).toMatchObject({ timeLimitMs: SPLITTABLE_READ_TIME_LIMIT_MS });
    expect(coarser?.bucket).toHaveLength(9);
    // Given up: its range again, as buckets one level finer, without a time limit at the finest level.
    const again = walk.split();
    expect(again?.bucket).toHaveLength(10);
    expect(again?.bucket.startsWith(coarser?.bucket ?? '-')).toBe(true);
    expect(again?.timeLimitMs).toBeUndefined();
  });

  it('starts a later page in the bucket of its cursor, below the cursor, without the ahead bucket', () => {
    const cursor = uuidV7(NOW - HOUR);
    const walk = new TimeBucketWalk(51, cursor, new Date(NOW));
    expect(walk.next(0)).toEqual({ bucket: cursor.replace(/-/g, '').slice(0, 10), belowId: cursor });
  });

  it.each([
    ['an empty collection', [] as number[], 51],
    ['a steady stream at the intake rate (2 ms apart)', steady(20_000, 2), 51],
    ['a steady stream, one a minute', steady(5_000, MINUTE), 51],
    ['a sparse history, one a day', steady(400, 24 * HOUR), 51],
    ['one record a year ago', [NOW - 365 * 24 * HOUR], 51],
    ['records in the reader margin (up to 0.5 s ahead of now)', [...steady(300, 10_000), NOW + 200, NOW + 450], 51],
    ['a page larger than the collection', steady(30, 3 * MINUTE), 201],
    ['a quiet night after a busy day', [...steady(10, HOUR), ...steady(20_000, 3_000, NOW - 11 * HOUR)], 51],
  ])('gives the page the sorted query gives, for %s', (_, times, need) => {
    const records = stored(times);
    expect(walkPage(records, need).ids).toEqual(expectedPage(records, need));
  });

  it.each([
    ['no read is given up', 100_000],
    ['reads of more than 40 records are given up and split', 40],
  ])('pages through everything with cursors, as the sorted query does, across mixed densities (%s)', (_, giveUpAbove) => {
    const next = random(7);
    const times = [
      ...steady(1_500, 2, NOW - 5 * MINUTE),
      ...Array.from({ length: 1_500 }, () => NOW - Math.floor(next() * 400 * 24 * HOUR)),
      ...steady(200, 17 * MINUTE, NOW - 30 * 24 * HOUR),
    ];
    const records = stored(times);
    const all: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 200; pages += 1) {
      const page = walkPage(records, 51, cursor, NOW, giveUpAbove).ids;
      expect(page).toEqual(expectedPage(records, 51, cursor));
      all.push(...page.slice(0, 50));
      if (page.length <= 50) break;
      cursor = page[49];
    }
    expect(all).toEqual(expectedPage(records, records.length));
  });

  it('lists ids ahead of the clock, and ids that are not UUIDv7, where the sorted query puts them', () => {
    const records = [
      ...stored(steady(2_000, 700)),
      ...stored([NOW + 10 * MINUTE, NOW + 3 * HOUR], -(3 * HOUR)).map(({ id }) => ({ id, buckets: timeBucketsOf(id, new Date(NOW)) })),
      ...['f47ac10b-58cc-4372-a567-0e02b2c3d479', '0001c10b-58cc-4372-a567-0e02b2c3d479'].map((id) => ({
        id,
        buckets: timeBucketsOf(id, new Date(NOW)),
      })),
    ];
    const first = walkPage(records, 51);
    expect(first.ids).toEqual(expectedPage(records, 51));
    expect(first.ids.slice(0, 3)).toEqual(['f47ac10b-58cc-4372-a567-0e02b2c3d479', ...expectedPage(records, 3).slice(1)]);
    // A cursor inside the ahead records continues with them, then the rest.
    const cursor = first.ids[1];
    expect(walkPage(records, 51, cursor).ids).toEqual(expectedPage(records, 51, cursor));
    // The oldest, a v4 id whose digits read as 1970, comes last.
    expect(expectedPage(records, records.length).at(-1)).toBe('0001c10b-58cc-4372-a567-0e02b2c3d479');
    expect(walkPage(records, records.length).ids).toEqual(expectedPage(records, records.length));
  });

  it.each([
    // [case, history, what a first page of 51 may decode at most, reads at most]
    ['when nothing matches', [] as number[], 0, 20],
    ['at the intake rate (2 ms apart), 20,000 records', steady(20_000, 2), 150, 8],
    ['at the intake rate (2 ms apart), 100,000 records', steady(100_000, 2), 150, 8],
    ['one a minute, 5,000 records', steady(5_000, MINUTE), 150, 12],
    ['one a minute, 50,000 records', steady(50_000, MINUTE), 150, 12],
    ['one a day, 400 records', steady(400, 24 * HOUR), 150, 15],
    ['a quiet night (one an hour) after a busy day (one every 3 s)', [...steady(10, HOUR), ...steady(20_000, 3_000, NOW - 11 * HOUR)], 4_500, 16],
  ])('keeps a first page bounded %s', (_, times, maxDecoded, maxReads) => {
    const { decoded, reads } = walkPage(stored(times), 51);
    expect(decoded).toBeLessThanOrEqual(maxDecoded);
    expect(reads.length).toBeLessThanOrEqual(maxReads);
  });

  it('costs the same first page whatever the length of a steady history', () => {
    const short = walkPage(stored(steady(1_000, 5_000)), 51);
    const long = walkPage(stored(steady(100_000, 5_000)), 51);
    expect(long.reads.length).toBe(short.reads.length);
    expect(long.decoded).toBeLessThanOrEqual(short.decoded * 1.2);
  });
});
