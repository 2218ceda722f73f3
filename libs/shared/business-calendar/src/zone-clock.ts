import { daysFromCivil } from './civil-date';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from './time-units';

/** Bound on cached local midnights per zone (about 270 years); the cache is dropped when full. */
const MAX_CACHED_DAYS = 100_000;

/**
 * Local wall-clock time ⇄ UTC for one IANA zone, using `Intl` (full ICU) for the
 * UTC offsets and caching the UTC instant of every local midnight it was asked
 * about, so the hot paths do no formatting at all.
 *
 * "Local ms" below is a wall-clock reading written as if it were UTC epoch ms
 * (`dayNumber * MS_PER_DAY + msAfterMidnight`).
 *
 * Rule for wall-clock readings that do not map to exactly one instant:
 * - a reading in a spring-forward gap (does not exist) → the first instant after the
 *   gap, i.e. the transition itself (Berlin 2026-03-29 02:30 → 03:00 CEST = 01:00Z);
 * - a reading in a fall-back overlap (exists twice) → the earlier instant, i.e. the
 *   first occurrence (Berlin 2026-10-25 02:30 → 02:30 CEST = 00:30Z).
 * The mapping is thus monotonic (never decreasing), so mapped intervals never invert.
 *
 * Assumes at most one offset change within any two days, which holds for every zone
 * in the tz database.
 */
export class ZoneClock {
  private static readonly clocks = new Map<string, ZoneClock>();

  /** The shared clock of a zone (one per canonical zone name). Throws `RangeError` for an unknown zone. */
  static of(timeZone: string): ZoneClock {
    let clock = ZoneClock.clocks.get(timeZone);
    if (!clock) {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      const canonical = format.resolvedOptions().timeZone;
      clock = ZoneClock.clocks.get(canonical) ?? new ZoneClock(canonical, format);
      ZoneClock.clocks.set(canonical, clock);
      ZoneClock.clocks.set(timeZone, clock);
    }
    return clock;
  }

  private readonly midnights = new Map<number, number>();

  private constructor(
    readonly timeZone: string,
    private readonly format: Intl.DateTimeFormat,
  ) {}

  /** UTC offset in ms (local − UTC) in effect at an instant. */
  offsetAt(instantMs: number): number {
    const second = Math.floor(instantMs / MS_PER_SECOND) * MS_PER_SECOND;
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let sec = 0;
    let beforeCommonEra = false;
    for (const part of this.format.formatToParts(second)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          sec = Number(part.value);
          break;
        case 'era':
          beforeCommonEra = part.value === 'BC' || part.value === 'B';
          break;
      }
    }
    if (beforeCommonEra) year = 1 - year;
    const localMs =
      daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + sec * MS_PER_SECOND;
    return localMs - second;
  }

  /** The instant of a local wall-clock reading (gap → end of the gap, overlap → earlier instant). */
  toInstant(localMs: number): number {
    const before = this.offsetAt(localMs - MS_PER_DAY);
    const after = this.offsetAt(localMs + MS_PER_DAY);
    const earlier = localMs - Math.max(before, after);
    const later = localMs - Math.min(before, after);
    if (this.offsetAt(earlier) === localMs - earlier) return earlier;
    if (this.offsetAt(later) === localMs - later) return later;
    return this.transitionIn(earlier, later);
  }

  /** The instant of local midnight starting the local day `dayNumber` (cached). */
  midnight(dayNumber: number): number {
    let instant = this.midnights.get(dayNumber);
    if (instant === undefined) {
      instant = this.toInstant(dayNumber * MS_PER_DAY);
      if (this.midnights.size >= MAX_CACHED_DAYS) this.midnights.clear();
      this.midnights.set(dayNumber, instant);
    }
    return instant;
  }

  /** The local day (day number) an instant falls on. */
  dayOf(instantMs: number): number {
    let day = Math.floor(instantMs / MS_PER_DAY);
    while (this.midnight(day) > instantMs) day--;
    while (this.midnight(day + 1) <= instantMs) day++;
    return day;
  }

  /**
   * The first instant (whole second) in (`from`, `to`] whose offset differs from the
   * offset at `from`: the moment a gap ends. Binary search, ~12–17 `Intl` calls; only
   * reached for readings inside a gap, and those days are cached by the callers.
   */
  private transitionIn(from: number, to: number): number {
    const offsetBefore = this.offsetAt(from);
    let low = Math.floor(from / MS_PER_SECOND);
    let high = Math.ceil(to / MS_PER_SECOND);
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.offsetAt(middle * MS_PER_SECOND) === offsetBefore) low = middle;
      else high = middle;
    }
    return high * MS_PER_SECOND;
  }
}
