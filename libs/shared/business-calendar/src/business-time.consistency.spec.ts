import { BusinessCalendar, WEEKDAYS, Weekday, WorkingInterval } from './calendar';
import { addBusinessTime, businessTimeBetween, isBusinessTime, nextBusinessOpening } from './business-time';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './time-units';

/** mulberry32: small deterministic PRNG, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function week(byDay: Partial<Record<Weekday, WorkingInterval[]>>): Record<Weekday, WorkingInterval[]> {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, byDay[day] ?? []])) as Record<Weekday, WorkingInterval[]>;
}

const office = [{ start: '08:00', end: '18:00' }];
const split = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
const holidays = ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-24', '2026-12-25', '2026-12-31'].map(
  (date) => ({ date, name: date }),
);

const CALENDARS = {
  'Berlin office + holidays': {
    timeZone: 'Europe/Berlin',
    weeklyHours: week({ monday: office, tuesday: office, wednesday: office, thursday: office, friday: office }),
    holidays,
  },
  'New York split shift': {
    timeZone: 'America/New_York',
    weeklyHours: week({ monday: split, tuesday: split, wednesday: split, thursday: split, friday: split }),
    holidays: [],
  },
  'Berlin with Sunday 00:00–24:00, Friday night and Saturday small hours': {
    timeZone: 'Europe/Berlin',
    weeklyHours: week({
      monday: office,
      friday: [{ start: '20:00', end: '24:00' }],
      saturday: [{ start: '01:00', end: '04:00' }],
      sunday: [{ start: '00:00', end: '24:00' }],
    }),
    holidays,
  },
  'Sydney weekend-heavy': {
    timeZone: 'Australia/Sydney',
    weeklyHours: week({ saturday: [{ start: '09:00', end: '17:30' }], sunday: [{ start: '00:00', end: '03:30' }] }),
    holidays: [],
  },
} satisfies Record<string, BusinessCalendar>;

const YEAR_START = Date.parse('2026-01-01T00:00:00Z');
const YEAR_MS = 365 * MS_PER_DAY;

describe.each(Object.entries(CALENDARS))('%s: 500 random cases (seeded)', (_name, calendar) => {
  const next = random(_name.length * 7919);

  it('businessTimeBetween(s, addBusinessTime(s, d)) === d, and the due instant is at or after the start', () => {
    for (let i = 0; i < 500; i++) {
      const start = YEAR_START + Math.floor(next() * YEAR_MS);
      const duration = Math.floor(next() * 20 * 10 * MS_PER_HOUR);
      const due = addBusinessTime(calendar, start, duration);
      expect({ i, start, duration, between: businessTimeBetween(calendar, start, due) }).toEqual({
        i,
        start,
        duration,
        between: duration,
      });
      expect(due.getTime()).toBeGreaterThanOrEqual(start);
      // Additive: d1 then d2 equals d1 + d2.
      const first = Math.floor(duration * next());
      expect(addBusinessTime(calendar, addBusinessTime(calendar, start, first), duration - first).getTime()).toBe(
        due.getTime(),
      );
    }
  });

  it('nextBusinessOpening is open, and nothing between is', () => {
    for (let i = 0; i < 200; i++) {
      const at = YEAR_START + Math.floor(next() * YEAR_MS);
      const opening = nextBusinessOpening(calendar, at);
      expect(isBusinessTime(calendar, opening)).toBe(true);
      expect(businessTimeBetween(calendar, at, opening)).toBe(0);
      if (opening.getTime() > at) expect(isBusinessTime(calendar, at)).toBe(false);
    }
  });
});

/**
 * A naive reference, independent of the library's zone code: step minute by minute,
 * read the local wall clock of each minute with Intl and test it against the weekly
 * hours. It agrees with the library wherever no interval boundary falls inside a DST
 * transition (there the library's documented gap/overlap rule applies).
 */
function naiveAdd(calendar: BusinessCalendar, start: number, minutes: number): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: calendar.timeZone,
    hourCycle: 'h23',
    weekday: 'long',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const holidayDates = new Set(calendar.holidays.map((holiday) => holiday.date));
  let t = start;
  let left = minutes;
  for (;;) {
    const parts = Object.fromEntries(format.formatToParts(t).map((part) => [part.type, part.value]));
    const weekday = String(parts.weekday).toLowerCase() as Weekday;
    const clock = `${parts.hour}:${parts.minute}`;
    const open =
      !holidayDates.has(`${parts.year}-${parts.month}-${parts.day}`) &&
      calendar.weeklyHours[weekday].some((interval) => interval.start <= clock && clock < interval.end);
    if (open && left === 0) return t;
    if (open) left--;
    t += MS_PER_MINUTE;
    if (left === 0 && open) return t;
  }
}

describe('agreement with a naive minute-by-minute reference', () => {
  const next = random(42);
  it.each(['Berlin office + holidays', 'New York split shift'] as const)('%s: 60 cases around the DST changes', (name) => {
    const calendar = CALENDARS[name];
    const windows = ['2026-02-20', '2026-03-20', '2026-10-16', '2026-10-23', '2026-12-20'].map((d) => Date.parse(d));
    for (let i = 0; i < 60; i++) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i % length < length
      const start = windows[i % windows.length]! + Math.floor(next() * 14 * 24 * 60) * MS_PER_MINUTE;
      const minutes = Math.floor(next() * 3 * 10 * 60);
      expect({ i, start, minutes, due: addBusinessTime(calendar, start, minutes * MS_PER_MINUTE).getTime() }).toEqual({
        i,
        start,
        minutes,
        due: naiveAdd(calendar, start, minutes),
      });
    }
  });
});
