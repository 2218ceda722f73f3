import { BusinessCalendar } from './calendar';
import { BusinessCalendarError } from './business-calendar-error';
import { CompiledCalendar, compileCalendar } from './compiled-calendar';
import { Instant, MS_PER_DAY, MS_PER_MINUTE, checkDuration, instantToMs, msToDate } from './time-units';

/**
 * Most local days (a week jump counts as one) a single computation may walk before
 * giving up: about 270 years of day-by-day walking, far more with week jumps.
 */
export const MAX_DAY_STEPS = 100_000;

/** A calendar argument: `undefined` / `null` means 24x7. */
export type CalendarInput = BusinessCalendar | null | undefined;

/**
 * The instant at which `durationMs` of business time has elapsed, counting from
 * `start` (or from the next opening if `start` is outside business hours). A
 * duration that ends exactly at a closing time falls due at that closing time.
 * With `durationMs` 0 this is `nextBusinessOpening(start)`.
 */
export function addBusinessTime(calendar: CalendarInput, start: Instant, durationMs: number): Date {
  return msToDate(addBusinessMs(compileCalendar(calendar), instantToMs(start, 'start'), checkDuration(durationMs)));
}

/** Business ms in [from, to); 0 if `to <= from`. */
export function businessTimeBetween(calendar: CalendarInput, from: Instant, to: Instant): number {
  return businessMsBetween(compileCalendar(calendar), instantToMs(from, 'from'), instantToMs(to, 'to'));
}

/** Whether the clock runs at `at` (intervals are half-open: open at 08:00, closed at 18:00). */
export function isBusinessTime(calendar: CalendarInput, at: Instant): boolean {
  const compiled = compileCalendar(calendar);
  const ms = instantToMs(at, 'at');
  if (compiled.alwaysOpen) return true;
  const windows = compiled.windowsOf(compiled.clock.dayOf(ms));
  for (let i = 0; i < windows.length; i += 2) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- windows are [start, end] pairs: an even i < length has i + 1 < length
    if (windows[i]! <= ms && ms < windows[i + 1]!) return true;
  }
  return false;
}

/** The first instant >= `at` at which the clock runs: `at` itself if already open. */
export function nextBusinessOpening(calendar: CalendarInput, at: Instant): Date {
  return msToDate(addBusinessMs(compileCalendar(calendar), instantToMs(at, 'at'), 0));
}

/** `addBusinessTime` with the duration in minutes. */
export function addBusinessMinutes(calendar: CalendarInput, start: Instant, minutes: number): Date {
  return addBusinessTime(calendar, start, checkDuration(minutes, 'minutes') * MS_PER_MINUTE);
}

/** `businessTimeBetween` in minutes (fractional if the instants are not on whole minutes). */
export function businessMinutesBetween(calendar: CalendarInput, from: Instant, to: Instant): number {
  return businessTimeBetween(calendar, from, to) / MS_PER_MINUTE;
}

function addBusinessMs(calendar: CompiledCalendar, startMs: number, durationMs: number): number {
  if (calendar.alwaysOpen) return startMs + durationMs;
  const { clock } = calendar;
  let remaining = durationMs;
  let day = clock.dayOf(startMs);
  for (let steps = 0; steps < MAX_DAY_STEPS; steps++) {
    // A whole week ahead holding less business time than remains: skip it in one step.
    if (remaining > calendar.nominalWeekMs && startMs <= clock.midnight(day)) {
      const weekMs = calendar.weekMs(day);
      if (weekMs !== undefined && weekMs < remaining) {
        remaining -= weekMs;
        day += 7;
        continue;
      }
    }
    const windows = calendar.windowsOf(day);
    for (let i = 0; i < windows.length; i += 2) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- [start, end] pairs, as in isBusinessTime
      const end = windows[i + 1]!;
      if (end <= startMs) continue;
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- as above
      const from = Math.max(windows[i]!, startMs);
      if (remaining <= end - from) return from + remaining;
      remaining -= end - from;
    }
    day++;
  }
  throw tooManySteps('addBusinessTime');
}

function businessMsBetween(calendar: CompiledCalendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  if (calendar.alwaysOpen) return toMs - fromMs;
  const { clock } = calendar;
  let total = 0;
  let day = clock.dayOf(fromMs);
  for (let steps = 0; steps < MAX_DAY_STEPS; steps++) {
    const dayStart = clock.midnight(day);
    if (dayStart >= toMs) return total;
    // A whole week inside [from, to): add its total in one step.
    if (toMs - dayStart > 6 * MS_PER_DAY && fromMs <= dayStart && clock.midnight(day + 7) <= toMs) {
      const weekMs = calendar.weekMs(day);
      if (weekMs !== undefined) {
        total += weekMs;
        day += 7;
        continue;
      }
    }
    const windows = calendar.windowsOf(day);
    for (let i = 0; i < windows.length; i += 2) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- [start, end] pairs, as in isBusinessTime
      const from = Math.max(windows[i]!, fromMs);
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- as above
      const to = Math.min(windows[i + 1]!, toMs);
      if (to > from) total += to - from;
    }
    day++;
  }
  throw tooManySteps('businessTimeBetween');
}

function tooManySteps(operation: string): BusinessCalendarError {
  return new BusinessCalendarError(
    `${operation} gave up after ${MAX_DAY_STEPS} day steps: the span is too long for this calendar ` +
      `or the calendar has (almost) no business time left`,
  );
}
