/** Milliseconds per unit. Business time is measured in real (elapsed) milliseconds. */
export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1_440;

/** An instant: a `Date` or epoch milliseconds (UTC). */
export type Instant = Date | number;

/** Epoch milliseconds of an instant; a `RangeError` for an invalid `Date` or a non-finite number. */
export function instantToMs(instant: Instant, what = 'instant'): number {
  const ms = typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid date/epoch milliseconds value`);
  return ms;
}

/** A `Date` for epoch milliseconds; a `RangeError` beyond the range a `Date` can hold. */
export function msToDate(ms: number): Date {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) throw new RangeError(`result ${ms} ms is outside the range of a Date`);
  return date;
}

/** A business duration in milliseconds: finite and not negative. */
export function checkDuration(durationMs: number, what = 'durationMs'): number {
  if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0) {
    throw new RangeError(`${what} must be a finite number >= 0, got ${String(durationMs)}`);
  }
  return durationMs;
}
