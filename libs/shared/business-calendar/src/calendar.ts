/** The seven weekday keys of `weeklyHours`, Monday first (ISO order). */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/**
 * One opening interval of a weekday, in local wall-clock time of the calendar's
 * zone: `start` `HH:mm` (00:00..23:59), `end` `HH:mm` after `start` or `24:00`
 * (end of the day). The interval is half-open: [start, end).
 */
export interface WorkingInterval {
  start: string;
  end: string;
}

/** A whole local day (`YYYY-MM-DD` in the calendar's zone) on which the calendar is closed. */
export interface Holiday {
  date: string;
  name: string;
}

/**
 * A business calendar: when an SLA clock runs.
 *
 * - `timeZone`: IANA zone name (`Europe/Berlin`); working hours and holidays are local to it.
 * - `weeklyHours`: every weekday key `monday`..`sunday`; an empty array is a closed day;
 *   intervals sorted and non-overlapping (touching is fine).
 * - `holidays`: whole local days closed, whatever the weekly hours say.
 *
 * Treat a calendar as an immutable value: compiled forms are cached per object
 * identity, so build a new object to change one.
 */
export interface BusinessCalendar {
  timeZone: string;
  weeklyHours: Record<Weekday, WorkingInterval[]>;
  holidays: Holiday[];
}

/**
 * Open around the clock, no holidays: business time is plain elapsed time. This is
 * what every function uses when it is given no calendar (`undefined` / `null`).
 */
export const CALENDAR_24X7: Readonly<BusinessCalendar> = deepFreeze({
  timeZone: 'UTC',
  weeklyHours: {
    monday: [{ start: '00:00', end: '24:00' }],
    tuesday: [{ start: '00:00', end: '24:00' }],
    wednesday: [{ start: '00:00', end: '24:00' }],
    thursday: [{ start: '00:00', end: '24:00' }],
    friday: [{ start: '00:00', end: '24:00' }],
    saturday: [{ start: '00:00', end: '24:00' }],
    sunday: [{ start: '00:00', end: '24:00' }],
  },
  holidays: [],
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
