/**
 * Newest-first lists of records with time-ordered (UUIDv7) ids, read through equality on time
 * buckets, so a page costs what the newest matching records cost, not what the collection holds.
 *
 * Why: FerretDB 1.24 (the embedded default) pushes only top-level equality down to PostgreSQL and
 * sorts in memory, so `find(filter).sort({_id: -1}).limit(n)` reads and decodes every match. An
 * equality on a bucket key reads only that bucket (through the launcher's GIN companion index, see
 * tools/infra/ferretdb-gin-indexes.sql). MongoDB serves the same reads from its indexes; both
 * return the same pages.
 *
 * The buckets: a UUIDv7's first 12 hex digits are the millisecond it was made, and ids sort by
 * them. Every prefix of those digits names a contiguous range of ids; each record stores its
 * prefixes of 10 down to 2 digits ({@link timeBucketsOf}): the aligned time ranges of 16^2 ms
 * (256 ms), 16^3 ms (4.1 s), 16^4 ms (65.5 s), … 16^8 ms (49.7 days) … 16^10 ms (34.8 years) that
 * contain it. Reading buckets newest first, each sorted by id, yields the ids in order.
 *
 * The walk ({@link TimeBucketWalk}) starts at the finest level a little after now and moves to
 * older buckets, one level coarser whenever a bucket held at most 2/16 of what the page still
 * needs, so a quiet stretch is crossed in a few reads and a page decodes about twice its worth of
 * matches. A coarse bucket can still turn out dense (the morning's first page after a quiet night
 * climbs into the busy day before it): a read coarser than the finest level carries a time limit
 * ({@link SPLITTABLE_READ_TIME_LIMIT_MS}); given up, it is read again as its finer buckets, so such
 * a page costs that time once per level instead of decoding the whole busy stretch. The finest
 * buckets hold what is stored in 256 ms, at most.
 *
 * Ids from "the future": a read starts {@link READ_MARGIN_MS} after the reader's clock. An id more
 * than {@link AHEAD_TOLERANCE_MS} ahead of the clock of the process that stored it (the clock that
 * made the id ahead, or an id that is not a UUIDv7) also gets {@link AHEAD_BUCKET}, which every first
 * page reads too, so such records are never missed while the service's processes agree on the time
 * within the difference of the two (250 ms). That bucket should stay empty; writers log what they
 * put there.
 */

/** Digits of the bucket prefixes, finest (256 ms) first: the walk's levels. */
export const TIME_BUCKET_DIGITS: readonly number[] = [10, 9, 8, 7, 6, 5, 4, 3, 2];

/** The bucket of records whose id was ahead of the storing process's clock. Not a hex prefix, so never a time bucket. */
export const AHEAD_BUCKET = 'ahead';

/** How far an id's time may be ahead of the storing process's clock before it is also put in {@link AHEAD_BUCKET}. */
export const AHEAD_TOLERANCE_MS = 250;

/**
 * How far after its own clock a first page starts: the tolerance plus the clock difference allowed
 * between a service's processes (250 ms; NTP keeps a cluster's clocks within a few). Each 256 ms of
 * it is one more (normally empty) read per first page.
 */
export const READ_MARGIN_MS = 500;

/** A level's buckets are 16 times its finer neighbour's. */
const LEVEL_FACTOR = 16;

/**
 * How many times what the page still needs a coarser bucket may be expected to hold: a read costs
 * about what decoding a few dozen records costs, so reading up to twice the need in one read
 * beats several reads that each bring a few.
 */
const CLIMB_OVERSHOOT = 2;

const TIME_DIGITS = 12;
const MAX_TIME_MS = 16 ** TIME_DIGITS - 1;

/**
 * The buckets to store with a record whose id is `id` (a UUIDv7; any other UUID reads as a time far
 * ahead), stored at `storedAt` by the writer's clock: its time prefixes, finest first, and
 * {@link AHEAD_BUCKET} when the id is more than {@link AHEAD_TOLERANCE_MS} ahead of `storedAt`.
 */
export function timeBucketsOf(id: string, storedAt: Date): string[] {
  const hex = hexOf(id);
  const buckets: string[] = TIME_BUCKET_DIGITS.map((digits) => hex.slice(0, digits));
  if (Number.parseInt(hex.slice(0, TIME_DIGITS), 16) - storedAt.getTime() > AHEAD_TOLERANCE_MS) buckets.push(AHEAD_BUCKET);
  return buckets;
}

/** Whether the id is ahead of the clock that stored it (the record is then in {@link AHEAD_BUCKET}). */
export function isAheadOf(id: string, storedAt: Date): boolean {
  return timeBucketsOf(id, storedAt).includes(AHEAD_BUCKET);
}

/** One read of the walk: the page's filters, plus these conditions, sorted by id descending. */
export interface TimeBucketRead {
  /** Equality on the stored buckets. */
  bucket: string;
  /** Only ids lower than this (in string order, as ids compare). */
  belowId?: string;
  /** Only ids from this one up. */
  fromId?: string;
  /**
   * Set on a bucket coarser than the finest, which can be read again as its finer buckets: the read may
   * be given up once it has taken this long (ms), and the walk told so with `split()`.
   */
  timeLimitMs?: number;
}

/**
 * How long a read of a bucket coarser than the finest may take before it is given up and read again as finer buckets: a
 * coarse bucket that turns out dense (a busy day after a quiet night) then costs this once instead
 * of decoding the whole busy stretch. Far above what a read of a page's worth takes.
 */
export const SPLITTABLE_READ_TIME_LIMIT_MS = 50;

/** The coarsest level, index in TIME_BUCKET_DIGITS. */
const COARSEST = TIME_BUCKET_DIGITS.length - 1;

/**
 * The reads that make up one page of `need` records below `beforeId` (all when undefined), newest
 * first: call `next(0)` for the first read, then `next(n)` with how many records each read returned
 * (all it found, up to what the page still needs), or `split()` when a read with a time limit was
 * given up, until undefined comes back. The results of the reads, in order, are the page: those of
 * `find(filter).sort({_id: -1})` for records stored with {@link timeBucketsOf}.
 */
export class TimeBucketWalk {
  /** Ids whose hex digits are below this are still to read. */
  private position: string;
  private readonly startTime: string;
  private readonly nowTime: string;
  private aheadRead: boolean;
  /** Index in TIME_BUCKET_DIGITS of the current level (0 the finest). */
  private level = 0;
  /** Buckets given up, innermost last: until the walk is below `from`, it stays finer than `level`. */
  private readonly givenUp: { level: number; from: string }[] = [];
  private found = 0;
  private done = false;
  /** Whether a bucket has been read yet. */
  private walked = false;
  /** The last read: where the walk stood before it, its bucket, and whether what it returned tells how dense older buckets are. */
  private previous: { level: number; positionBefore: string; bucket: string; telling: boolean } | undefined;

  constructor(
    private readonly need: number,
    private readonly beforeId: string | undefined,
    now: Date,
  ) {
    this.startTime = timeDigits(now.getTime() + READ_MARGIN_MS);
    this.nowTime = timeDigits(now.getTime());
    const before = beforeId === undefined ? undefined : hexOf(beforeId);
    this.aheadRead = before === undefined || before > this.startTime;
    this.position = before !== undefined && before < this.startTime ? before : this.startTime;
  }

  next(returnedByPrevious: number): TimeBucketRead | undefined {
    this.found += returnedByPrevious;
    // Sparse: a coarser bucket is expected to hold at most CLIMB_OVERSHOOT times what is still needed.
    if (this.previous?.telling && returnedByPrevious * LEVEL_FACTOR <= CLIMB_OVERSHOOT * (this.need - this.found)) this.level += 1;
    if (this.found >= this.need) this.done = true;
    return this.read();
  }

  /** The last read (one with a time limit) was given up: reads its ids again as buckets one level finer, and stays finer until below them. */
  split(): TimeBucketRead | undefined {
    const previous = this.previous;
    if (!previous || previous.level === 0) throw new Error('only a read with a time limit can be split');
    this.givenUp.push({ level: previous.level, from: previous.bucket });
    this.position = previous.positionBefore;
    this.level = previous.level - 1;
    this.previous = undefined;
    return this.read();
  }

  private read(): TimeBucketRead | undefined {
    if (this.done) return undefined;
    if (this.aheadRead) {
      this.aheadRead = false;
      return { bucket: AHEAD_BUCKET, fromId: idBound(this.startTime), ...(this.beforeId === undefined ? {} : { belowId: this.beforeId }) };
    }
    while (this.givenUp.length > 0 && atOrBelow(this.position, this.givenUp.at(-1)?.from ?? '')) this.givenUp.pop();
    this.level = Math.min(this.level, COARSEST, ...this.givenUp.map((bucket) => bucket.level - 1));
    const positionBefore = this.position;
    const digits = TIME_BUCKET_DIGITS[this.level] ?? TIME_DIGITS;
    const head = positionBefore.slice(0, digits).padEnd(digits, '0');
    // The bucket holding the greatest id below the position: its own when ids of it lie below, else the one before.
    const partial = /[^0]/.test(positionBefore.slice(digits));
    const bucket = partial ? head : previousKey(head);
    if (bucket === undefined) {
      this.done = true;
      return undefined;
    }
    // What a read returns tells how dense older buckets are unless it is the page's first (cut short by
    // the cursor or the start) or reaches past now (the margin, normally empty).
    this.previous = { level: this.level, positionBefore, bucket, telling: this.walked && atOrBelow(positionBefore, this.nowTime) };
    this.walked = true;
    this.position = bucket;
    return { bucket, ...(partial ? { belowId: idBound(positionBefore) } : {}), ...(this.level > 0 ? { timeLimitMs: SPLITTABLE_READ_TIME_LIMIT_MS } : {}) };
  }
}

function hexOf(id: string): string {
  return id.replace(/-/g, '');
}

function timeDigits(ms: number): string {
  return Math.min(Math.max(Math.floor(ms), 0), MAX_TIME_MS).toString(16).padStart(TIME_DIGITS, '0');
}

/** Whether position `a` is at or below `b` (positions of any length: missing digits are zeros). */
function atOrBelow(a: string, b: string): boolean {
  return a.padEnd(32, '0') <= b.padEnd(32, '0');
}

/** Hex digits as a string that compares with ids as the digits compare with theirs: dashes where ids have them. */
function idBound(digits: string): string {
  return [digits.slice(0, 8), digits.slice(8, 12), digits.slice(12, 16), digits.slice(16, 20), digits.slice(20)].filter((part) => part !== '').join('-');
}

/** The key just before `key` among keys of its length (hex), or undefined for 00…0. */
function previousKey(key: string): string | undefined {
  const digits = [...key];
  let index = digits.length - 1;
  while (index >= 0 && digits[index] === '0') digits[index--] = 'f';
  if (index < 0) return undefined;
  digits[index] = (Number.parseInt(digits[index] ?? '0', 16) - 1).toString(16);
  return digits.join('');
}
