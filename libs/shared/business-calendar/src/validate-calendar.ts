import { BusinessCalendar, WEEKDAYS } from './calendar';
import { BusinessCalendarError, CalendarIssue } from './business-calendar-error';
import { parseIsoDate, parseWallClockTime } from './civil-date';

/**
 * Every problem with a calendar definition (an empty list means it is valid):
 * unknown time zone, missing/unknown weekday, malformed `HH:mm`, `end <= start`,
 * unsorted or overlapping intervals, malformed or impossible holiday dates,
 * duplicate holidays, and a week without any working time.
 *
 * Takes `unknown` because definitions arrive as JSON (API bodies, documents).
 */
export function validateBusinessCalendar(definition: unknown): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  if (!isRecord(definition)) {
    issue('', 'a calendar must be an object with timeZone, weeklyHours and holidays');
    return issues;
  }

  const { timeZone, weeklyHours, holidays } = definition;
  if (typeof timeZone !== 'string' || timeZone.trim() === '') issue('timeZone', 'must be an IANA time zone name');
  else if (!isKnownTimeZone(timeZone)) issue('timeZone', `unknown time zone "${timeZone}"`);

  if (!isRecord(weeklyHours)) issue('weeklyHours', 'must be an object with the keys monday..sunday');
  else {
    for (const key of Object.keys(weeklyHours)) {
      if (!(WEEKDAYS as readonly string[]).includes(key)) {
        issue(`weeklyHours.${key}`, `unknown weekday; use ${WEEKDAYS.join(', ')}`);
      }
    }
    const issuesBefore = issues.length;
    let workingMinutes = 0;
    for (const weekday of WEEKDAYS) {
      const intervals = weeklyHours[weekday];
      const path = `weeklyHours.${weekday}`;
      if (intervals === undefined) issue(path, 'missing; use [] for a closed day');
      else if (!Array.isArray(intervals)) issue(path, 'must be an array of { start, end } intervals');
      else workingMinutes += checkDay(intervals, path, issue);
    }
    if (workingMinutes === 0 && issues.length === issuesBefore) {
      issue('weeklyHours', 'the week has no working time at all; a business clock would never run');
    }
  }

  if (!Array.isArray(holidays)) issue('holidays', 'must be an array of { date: YYYY-MM-DD, name } (may be empty)');
  else {
    const seen = new Map<number, number>();
    holidays.forEach((holiday: unknown, index) => {
      const path = `holidays[${index}]`;
      if (!isRecord(holiday)) return issue(path, 'must be an object { date: YYYY-MM-DD, name }');
      const day = typeof holiday.date === 'string' ? parseIsoDate(holiday.date) : undefined;
      if (day === undefined) issue(`${path}.date`, `"${String(holiday.date)}" is not a real YYYY-MM-DD date`);
      else if (seen.has(day)) issue(`${path}.date`, `${String(holiday.date)} is already holidays[${seen.get(day)}]`);
      else seen.set(day, index);
      if (typeof holiday.name !== 'string') issue(`${path}.name`, 'must be a string');
    });
  }
  return issues;
}

/** Type guard: `definition` is a valid `BusinessCalendar`. */
export function isValidBusinessCalendar(definition: unknown): definition is BusinessCalendar {
  return validateBusinessCalendar(definition).length === 0;
}

/** The definition as a `BusinessCalendar`, or a `BusinessCalendarError` listing every issue. */
export function parseBusinessCalendar(definition: unknown): BusinessCalendar {
  const issues = validateBusinessCalendar(definition);
  if (issues.length > 0) throw new BusinessCalendarError('invalid business calendar', issues);
  return definition as BusinessCalendar;
}

/** Checks one weekday's intervals; returns its working minutes (0 if any interval is bad). */
function checkDay(intervals: unknown[], path: string, issue: (path: string, message: string) => void): number {
  let minutes = 0;
  let previous: { start: number; end: number; endText: string } | undefined;
  let valid = true;
  intervals.forEach((interval: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(interval)) {
      valid = false;
      return issue(at, 'must be an object { start: HH:mm, end: HH:mm }');
    }
    const start = typeof interval.start === 'string' ? parseWallClockTime(interval.start) : undefined;
    const end = typeof interval.end === 'string' ? parseWallClockTime(interval.end, true) : undefined;
    if (start === undefined) issue(`${at}.start`, `"${String(interval.start)}" is not a time HH:mm (00:00..23:59)`);
    if (end === undefined) issue(`${at}.end`, `"${String(interval.end)}" is not a time HH:mm (00:01..24:00)`);
    if (start === undefined || end === undefined) {
      valid = false;
      return;
    }
    if (end <= start) {
      valid = false;
      return issue(at, `end ${String(interval.end)} must be after start ${String(interval.start)}`);
    }
    if (previous && start < previous.start) {
      valid = false;
      issue(at, `intervals must be sorted: ${String(interval.start)} starts before the previous interval`);
    } else if (previous && start < previous.end) {
      valid = false;
      issue(at, `starts at ${String(interval.start)}, before the previous interval ends (${previous.endText})`);
    }
    minutes += end - start;
    previous = { start, end, endText: String(interval.end) };
  });
  return valid ? minutes : 0;
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
