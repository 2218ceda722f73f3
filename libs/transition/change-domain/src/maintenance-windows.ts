import { BusinessCalendar, CALENDAR_24X7, Weekday, WEEKDAYS, WorkingInterval, isBusinessTime, nextBusinessOpening } from '@itsm/business-calendar';
import { TimeWindow } from './change-model';

const MINUTES_PER_DAY = 24 * 60;

/**
 * A recurring weekly window in which planned work may take an item down: the shape design publishes
 * in a service's availability target (`MaintenanceWindowV1` of `@itsm/contracts/design`). It opens at
 * the local time `start` (`HH:mm`, in `timeZone`) on each of `days` and lasts `durationMinutes`
 * (1..1440), so it may run past midnight into the next day.
 */
export interface MaintenanceWindow {
  readonly name: string;
  readonly timeZone: string;
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly durationMinutes: number;
}

/** When maintenance windows are open, as one business calendar per time zone (its "business hours"), with its complement. */
interface ZoneMaintenance {
  readonly open: BusinessCalendar;
  /** When the windows of the zone are closed; absent when they are open all week (nothing ever closes them). */
  readonly closed?: BusinessCalendar;
}

/**
 * Whether `window` lies wholly within the union of `windows` (touching windows join, so a change may
 * run from one into the next); false if no window is given. DST follows `@itsm/business-calendar`:
 * a local start in a spring-forward gap opens at the first instant after it.
 */
export function withinMaintenance(windows: readonly MaintenanceWindow[], window: TimeWindow): boolean {
  return firstInstantOutside(windows, window) === undefined;
}

/**
 * The first instant of `window` that no maintenance window covers, or undefined when they cover all
 * of it. Walks from the window's start, jumping to where each open zone closes, so the cost grows with
 * the number of openings inside the window, not with its length.
 */
export function firstInstantOutside(windows: readonly MaintenanceWindow[], window: TimeWindow): Date | undefined {
  const zones = zoneCalendars(windows);
  const end = window.end.getTime();
  let at = window.start.getTime();
  while (at < end) {
    let reach = at;
    for (const zone of zones) {
      if (!isBusinessTime(zone.open, at)) continue;
      if (zone.closed === undefined) return undefined;
      reach = Math.max(reach, nextBusinessOpening(zone.closed, at).getTime());
    }
    if (reach === at) return new Date(at);
    at = reach;
  }
  return undefined;
}

function zoneCalendars(windows: readonly MaintenanceWindow[]): ZoneMaintenance[] {
  const minutesByZone = new Map<string, Map<Weekday, [number, number][]>>();
  for (const window of windows) {
    const byDay = minutesByZone.get(window.timeZone) ?? new Map<Weekday, [number, number][]>();
    minutesByZone.set(window.timeZone, byDay);
    const from = minutesOf(window.start);
    const to = from + window.durationMinutes;
    for (const day of window.days) {
      push(byDay, day, [from, Math.min(to, MINUTES_PER_DAY)]);
      // The part past midnight opens the next day.
      if (to > MINUTES_PER_DAY) push(byDay, WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % WEEKDAYS.length] as Weekday, [0, to - MINUTES_PER_DAY]);
    }
  }
  return [...minutesByZone].map(([timeZone, byDay]) => {
    const open = calendarOf(timeZone, (day) => merged(byDay.get(day) ?? []));
    const allWeek = WEEKDAYS.every((day) => open.weeklyHours[day].length === 1 && open.weeklyHours[day][0]?.start === '00:00' && open.weeklyHours[day][0]?.end === '24:00');
    if (allWeek) return { open: CALENDAR_24X7 };
    return { open, closed: calendarOf(timeZone, (day) => gaps(merged(byDay.get(day) ?? []))) };
  });
}

function push(byDay: Map<Weekday, [number, number][]>, day: Weekday, interval: [number, number]): void {
  byDay.set(day, [...(byDay.get(day) ?? []), interval]);
}

function calendarOf(timeZone: string, intervalsOf: (day: Weekday) => [number, number][]): BusinessCalendar {
  const weeklyHours = Object.fromEntries(WEEKDAYS.map((day) => [day, intervalsOf(day).map(([from, to]): WorkingInterval => ({ start: clock(from), end: clock(to) }))]));
  return { timeZone, weeklyHours: weeklyHours as Record<Weekday, WorkingInterval[]>, holidays: [] };
}

/** Sorted, with overlapping or touching intervals joined (a calendar's intervals must not overlap). */
function merged(intervals: readonly [number, number][]): [number, number][] {
  const result: [number, number][] = [];
  for (const [from, to] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = result[result.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else result.push([from, to]);
  }
  return result;
}

/** The parts of the day [0, 24:00) that sorted, disjoint `intervals` leave out. */
function gaps(intervals: readonly [number, number][]): [number, number][] {
  const result: [number, number][] = [];
  let from = 0;
  for (const [start, end] of intervals) {
    if (start > from) result.push([from, start]);
    from = end;
  }
  if (from < MINUTES_PER_DAY) result.push([from, MINUTES_PER_DAY]);
  return result;
}

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
