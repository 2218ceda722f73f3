import { BusinessCalendar, CALENDAR_24X7, WEEKDAYS, WorkingInterval } from './calendar';
import { parseIsoDate, parseWallClockTime, weekdayIndexOfDay } from './civil-date';
import { parseBusinessCalendar } from './validate-calendar';
import { MINUTES_PER_DAY, MS_PER_DAY, MS_PER_MINUTE } from './time-units';
import { ZoneClock } from './zone-clock';

/** Bound on cached day schedules per calendar (about 270 years); the cache is dropped when full. */
const MAX_CACHED_DAYS = 100_000;
const MS_PER_WEEK = 7 * MS_PER_DAY;
const CLOSED: readonly number[] = Object.freeze([]);

/**
 * A validated calendar prepared for computation: working intervals in minutes,
 * holidays as day numbers, nominal per-weekday and per-week totals, and a cache of
 * each local day's working windows as UTC instants.
 */
export class CompiledCalendar {
  /** Open every instant (all days 00:00–24:00, no holidays): business time = elapsed time. */
  readonly alwaysOpen: boolean;
  readonly clock: ZoneClock;
  /** Business ms of one full week without holidays or offset change. */
  readonly nominalWeekMs: number;
  /** Per ISO weekday index (0 = Monday): merged intervals as [startMinute, endMinute, …]. */
  private readonly weekly: readonly (readonly number[])[];
  private readonly nominalDayMs: readonly number[];
  private readonly holidaySet: ReadonlySet<number>;
  private readonly holidayDays: readonly number[];
  private readonly windows = new Map<number, readonly number[]>();

  constructor(calendar: BusinessCalendar) {
    this.clock = ZoneClock.of(calendar.timeZone);
    this.weekly = WEEKDAYS.map((weekday) => mergeTouching(calendar.weeklyHours[weekday]));
    this.nominalDayMs = this.weekly.map((minutes) => {
      let total = 0;
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- [start, end] pairs: an even i < length has i + 1 < length
      for (let i = 0; i < minutes.length; i += 2) total += (minutes[i + 1]! - minutes[i]!) * MS_PER_MINUTE;
      return total;
    });
    this.nominalWeekMs = this.nominalDayMs.reduce((sum, ms) => sum + ms, 0);
    const holidays = calendar.holidays.map((holiday) => parseIsoDate(holiday.date) ?? Number.NaN);
    this.holidaySet = new Set(holidays);
    this.holidayDays = [...this.holidaySet].sort((a, b) => a - b);
    this.alwaysOpen = this.holidayDays.length === 0 && this.nominalWeekMs === MS_PER_WEEK;
  }

  /**
   * The working windows of local day `day` as UTC instants [start0, end0, start1, end1, …],
   * sorted, within [midnight(day), midnight(day + 1)]; empty if closed (cached).
   */
  windowsOf(day: number): readonly number[] {
    let windows = this.windows.get(day);
    if (windows === undefined) {
      windows = this.computeWindows(day);
      if (this.windows.size >= MAX_CACHED_DAYS) this.windows.clear();
      this.windows.set(day, windows);
    }
    return windows;
  }

  /**
   * Business ms of the seven local days [day, day + 7) when the UTC offset is the same at
   * both ends (no DST change inside, so every interval lasts its wall-clock length):
   * the nominal week minus its holidays. `undefined` when an offset change intervenes;
   * walk those days one by one.
   */
  weekMs(day: number): number | undefined {
    if (this.clock.midnight(day + 7) - this.clock.midnight(day) !== MS_PER_WEEK) return undefined;
    let total = this.nominalWeekMs;
    for (let i = firstAtOrAfter(this.holidayDays, day); i < this.holidayDays.length; i++) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < length
      const holiday = this.holidayDays[i]!;
      if (holiday >= day + 7) break;
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a weekday index (0–6) has an entry
      total -= this.nominalDayMs[weekdayIndexOfDay(holiday)]!;
    }
    return total;
  }

  private computeWindows(day: number): readonly number[] {
    if (this.holidaySet.has(day)) return CLOSED;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a weekday index (0–6) has an entry
    const minutes = this.weekly[weekdayIndexOfDay(day)]!;
    if (minutes.length === 0) return CLOSED;
    const dayStart = this.clock.midnight(day);
    const dayEnd = this.clock.midnight(day + 1);
    // An ordinary day (no offset change): every wall-clock minute is one real minute.
    const ordinary = dayEnd - dayStart === MS_PER_DAY;
    const at = (minute: number): number => {
      if (ordinary) return dayStart + minute * MS_PER_MINUTE;
      if (minute === 0) return dayStart;
      if (minute === MINUTES_PER_DAY) return dayEnd;
      return this.clock.toInstant(day * MS_PER_DAY + minute * MS_PER_MINUTE);
    };
    const windows: number[] = [];
    for (let i = 0; i < minutes.length; i += 2) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- [start, end] pairs, as in the constructor
      const start = at(minutes[i]!);
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- as above
      const end = at(minutes[i + 1]!);
      // An interval lying wholly inside a spring-forward gap has no instants.
      if (end > start) windows.push(start, end);
    }
    return Object.freeze(windows);
  }
}

const compiled = new WeakMap<object, CompiledCalendar>();
const ALWAYS_OPEN = new CompiledCalendar(CALENDAR_24X7);

/**
 * The compiled form of a calendar (validated and cached on first use, per object);
 * no calendar means 24x7. Throws `BusinessCalendarError` for an invalid definition.
 */
export function compileCalendar(calendar: BusinessCalendar | null | undefined): CompiledCalendar {
  if (calendar === undefined || calendar === null) return ALWAYS_OPEN;
  let result = compiled.get(calendar);
  if (!result) {
    result = new CompiledCalendar(parseBusinessCalendar(calendar));
    compiled.set(calendar, result);
  }
  return result;
}

/** Sorted [start, end, …] minutes with touching intervals (08:00–12:00, 12:00–13:00) merged. */
function mergeTouching(intervals: readonly WorkingInterval[]): number[] {
  const minutes: number[] = [];
  for (const interval of intervals) {
    const start = parseWallClockTime(interval.start) ?? Number.NaN;
    const end = parseWallClockTime(interval.end, true) ?? Number.NaN;
    if (minutes.length > 0 && minutes[minutes.length - 1] === start) minutes[minutes.length - 1] = end;
    else minutes.push(start, end);
  }
  return minutes;
}

/** Index of the first element >= value in a sorted array (binary search). */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- low <= middle < high <= length
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
