import { BusinessCalendar, CALENDAR_24X7, WorkingInterval } from './calendar';
import { BusinessCalendarError } from './business-calendar-error';
import {
  MAX_DAY_STEPS,
  addBusinessMinutes,
  addBusinessTime,
  businessMinutesBetween,
  businessTimeBetween,
  isBusinessTime,
  nextBusinessOpening,
} from './business-time';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './time-units';

const H = MS_PER_HOUR;

function weekdays(intervals: WorkingInterval[], timeZone = 'Europe/Berlin', holidays: string[] = []): BusinessCalendar {
  return {
    timeZone,
    weeklyHours: {
      monday: intervals,
      tuesday: intervals,
      wednesday: intervals,
      thursday: intervals,
      friday: intervals,
      saturday: [],
      sunday: [],
    },
    holidays: holidays.map((date) => ({ date, name: `holiday ${date}` })),
  };
}

const OFFICE = [{ start: '08:00', end: '18:00' }];
const berlin = weekdays(OFFICE);
const iso = (date: Date) => date.toISOString();

// November 2026 in Berlin is CET (UTC+1): 16:00 local = 15:00Z, 10:00 local = 09:00Z.
describe('addBusinessTime on a Mon–Fri 08:00–18:00 calendar (Europe/Berlin)', () => {
  it('H+4 opened Friday 16:00 falls due Monday 10:00', () => {
    expect(iso(addBusinessTime(berlin, new Date('2026-11-20T15:00:00Z'), 4 * H))).toBe('2026-11-23T09:00:00.000Z');
  });

  it('a holiday on that Monday moves it to Tuesday 10:00', () => {
    const calendar = weekdays(OFFICE, 'Europe/Berlin', ['2026-11-23']);
    expect(iso(addBusinessTime(calendar, new Date('2026-11-20T15:00:00Z'), 4 * H))).toBe('2026-11-24T09:00:00.000Z');
  });

  it('opened at 20:00 the clock starts at 08:00 the next working day', () => {
    const tuesdayEvening = new Date('2026-11-17T19:00:00Z');
    expect(iso(nextBusinessOpening(berlin, tuesdayEvening))).toBe('2026-11-18T07:00:00.000Z');
    expect(iso(addBusinessTime(berlin, tuesdayEvening, 4 * H))).toBe('2026-11-18T11:00:00.000Z');
    const fridayEvening = new Date('2026-11-20T19:00:00Z');
    expect(iso(addBusinessTime(berlin, fridayEvening, 4 * H))).toBe('2026-11-23T11:00:00.000Z');
  });

  it('opened on Saturday the clock starts Monday 08:00', () => {
    const saturday = new Date('2026-11-21T09:30:00Z');
    expect(iso(nextBusinessOpening(berlin, saturday))).toBe('2026-11-23T07:00:00.000Z');
    expect(iso(addBusinessTime(berlin, saturday, 4 * H))).toBe('2026-11-23T11:00:00.000Z');
    expect(businessTimeBetween(berlin, saturday, new Date('2026-11-23T07:00:00Z'))).toBe(0);
  });

  it('before opening the clock starts at 08:00 the same day', () => {
    expect(iso(addBusinessTime(berlin, new Date('2026-11-18T05:12:00Z'), 30 * MS_PER_MINUTE))).toBe(
      '2026-11-18T07:30:00.000Z',
    );
  });

  it('a duration ending exactly at closing time falls due at closing time, not next morning', () => {
    expect(iso(addBusinessTime(berlin, new Date('2026-11-20T15:00:00Z'), 2 * H))).toBe('2026-11-20T17:00:00.000Z');
    expect(iso(addBusinessTime(berlin, new Date('2026-11-16T07:00:00Z'), 50 * H))).toBe('2026-11-20T17:00:00.000Z');
  });

  it('zero duration is the next opening (or the start itself when open)', () => {
    const open = new Date('2026-11-18T10:00:00Z');
    expect(iso(addBusinessTime(berlin, open, 0))).toBe(iso(open));
    expect(iso(nextBusinessOpening(berlin, open))).toBe(iso(open));
    expect(iso(addBusinessTime(berlin, new Date('2026-11-18T17:00:00Z'), 0))).toBe('2026-11-19T07:00:00.000Z');
  });

  it('accepts epoch milliseconds and keeps sub-minute precision', () => {
    const start = Date.parse('2026-11-18T16:59:30.250Z');
    expect(iso(addBusinessTime(berlin, start, 45_000))).toBe('2026-11-19T07:00:15.250Z');
    expect(businessTimeBetween(berlin, start, Date.parse('2026-11-19T07:00:15.250Z'))).toBe(45_000);
  });

  it('minute helpers', () => {
    expect(iso(addBusinessMinutes(berlin, new Date('2026-11-20T15:00:00Z'), 240))).toBe('2026-11-23T09:00:00.000Z');
    expect(businessMinutesBetween(berlin, new Date('2026-11-20T15:00:00Z'), new Date('2026-11-23T09:00:00Z'))).toBe(
      240,
    );
  });
});

describe('year end', () => {
  const holidays = ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01'];
  const christmas = weekdays(OFFICE, 'Europe/Berlin', holidays);

  it('H+4 opened Wednesday 2026-12-23 16:00 falls due Monday 2026-12-28 10:00', () => {
    // Thu 24 and Fri 25 are holidays, Sat 26 is a holiday and a weekend day anyway.
    expect(iso(addBusinessTime(christmas, new Date('2026-12-23T15:00:00Z'), 4 * H))).toBe('2026-12-28T09:00:00.000Z');
  });

  it('H+4 opened Wednesday 2026-12-30 16:00 crosses into 2027 and falls due Monday 2027-01-04 10:00', () => {
    expect(iso(addBusinessTime(christmas, new Date('2026-12-30T15:00:00Z'), 4 * H))).toBe('2027-01-04T09:00:00.000Z');
  });

  it('the holidays hold no business time', () => {
    expect(businessTimeBetween(christmas, new Date('2026-12-23T23:00:00Z'), new Date('2026-12-27T23:00:00Z'))).toBe(0);
    expect(isBusinessTime(christmas, new Date('2026-12-24T10:00:00Z'))).toBe(false);
    expect(isBusinessTime(christmas, new Date('2026-12-28T10:00:00Z'))).toBe(true);
    // Two weeks 2026-12-21 .. 2027-01-04: 10 working days minus 4 weekday holidays (24, 25, 31, 1).
    expect(businessTimeBetween(christmas, new Date('2026-12-20T23:00:00Z'), new Date('2027-01-03T23:00:00Z'))).toBe(
      60 * H,
    );
  });
});

describe('multi-interval days (08:00–12:00, 13:00–17:00)', () => {
  const lunch = weekdays([
    { start: '08:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ]);

  it('skips the lunch break', () => {
    expect(iso(addBusinessTime(lunch, new Date('2026-11-16T09:00:00Z'), 4 * H))).toBe('2026-11-16T14:00:00.000Z');
    expect(businessTimeBetween(lunch, new Date('2026-11-16T07:00:00Z'), new Date('2026-11-16T16:00:00Z'))).toBe(8 * H);
  });

  it('a record opened during lunch starts the clock at 13:00', () => {
    const duringLunch = new Date('2026-11-16T11:30:00Z');
    expect(isBusinessTime(lunch, duringLunch)).toBe(false);
    expect(iso(nextBusinessOpening(lunch, duringLunch))).toBe('2026-11-16T12:00:00.000Z');
    expect(iso(addBusinessTime(lunch, duringLunch, 5 * H))).toBe('2026-11-17T08:00:00.000Z'); // 13–17 + 08–09
  });

  it('intervals are half-open', () => {
    expect(isBusinessTime(lunch, new Date('2026-11-16T07:00:00Z'))).toBe(true);
    expect(isBusinessTime(lunch, new Date('2026-11-16T10:59:59.999Z'))).toBe(true);
    expect(isBusinessTime(lunch, new Date('2026-11-16T11:00:00Z'))).toBe(false);
    expect(isBusinessTime(lunch, new Date('2026-11-16T06:59:59.999Z'))).toBe(false);
  });
});

describe('businessTimeBetween', () => {
  it('is 0 when to <= from', () => {
    const at = new Date('2026-11-18T10:00:00Z');
    expect(businessTimeBetween(berlin, at, at)).toBe(0);
    expect(businessTimeBetween(berlin, at, new Date(at.getTime() - H))).toBe(0);
  });

  it('counts only the business part of [from, to)', () => {
    expect(businessTimeBetween(berlin, new Date('2026-11-20T15:00:00Z'), new Date('2026-11-23T09:00:00Z'))).toBe(4 * H);
    expect(businessTimeBetween(berlin, new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'))).toBe(
      21 * 10 * H,
    );
  });
});

describe('long durations', () => {
  it('2,500 business hours from Mon 2026-01-05 08:00 end Fri 2026-12-18 18:00, across both DST changes', () => {
    const start = new Date('2026-01-05T07:00:00Z');
    const due = addBusinessTime(berlin, start, 2500 * H);
    expect(iso(due)).toBe('2026-12-18T17:00:00.000Z');
    expect(businessTimeBetween(berlin, start, due)).toBe(2500 * H);
  });

  it('30 business days are computed without stepping through the minutes', () => {
    const started = process.hrtime.bigint();
    const monday = Date.parse('2026-02-02T07:00:00Z');
    for (let i = 0; i < 1000; i++) addBusinessTime(berlin, monday + i * 7 * MS_PER_DAY, 300 * H);
    const perCallMs = Number(process.hrtime.bigint() - started) / 1e6 / 1000;
    expect(perCallMs).toBeLessThan(1);
    // Mon 2026-02-02 08:00 + 30 business days (6 weeks) = Fri 2026-03-13 18:00 CET.
    expect(iso(addBusinessTime(berlin, new Date('2026-02-02T07:00:00Z'), 300 * H))).toBe('2026-03-13T17:00:00.000Z');
  });

  it('gives up with a clear error instead of looping for an absurd span', () => {
    const call = () => addBusinessTime(berlin, new Date('2026-01-01T00:00:00Z'), 1e15);
    expect(call).toThrow(BusinessCalendarError);
    expect(call).toThrow(`gave up after ${MAX_DAY_STEPS} day steps`);
  });
});

describe('24x7', () => {
  it('no calendar and CALENDAR_24X7 mean plain elapsed time', () => {
    const start = new Date('2026-03-29T00:30:00.123Z');
    for (const calendar of [undefined, null, CALENDAR_24X7]) {
      expect(addBusinessTime(calendar, start, 123_456_789).getTime()).toBe(start.getTime() + 123_456_789);
      expect(businessTimeBetween(calendar, start, start.getTime() + 5 * MS_PER_DAY)).toBe(5 * MS_PER_DAY);
      expect(isBusinessTime(calendar, start)).toBe(true);
      expect(nextBusinessOpening(calendar, start).getTime()).toBe(start.getTime());
    }
  });

  it('a zoned calendar open all day every day is plain elapsed time too, DST or not', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const zoned: BusinessCalendar = {
      ...weekdays(allDay),
      weeklyHours: { ...weekdays(allDay).weeklyHours, saturday: allDay, sunday: allDay },
    };
    const start = new Date('2026-03-27T12:00:00Z');
    expect(addBusinessTime(zoned, start, 3 * MS_PER_DAY).getTime()).toBe(start.getTime() + 3 * MS_PER_DAY);
  });
});

describe('arguments', () => {
  it('rejects invalid instants and durations', () => {
    expect(() => addBusinessTime(berlin, new Date('nope'), H)).toThrow(RangeError);
    expect(() => addBusinessTime(berlin, new Date(), -1)).toThrow(RangeError);
    expect(() => addBusinessTime(berlin, new Date(), Number.NaN)).toThrow(RangeError);
    expect(() => businessTimeBetween(berlin, Number.POSITIVE_INFINITY, 0)).toThrow(RangeError);
    expect(() => isBusinessTime(berlin, Number.NaN)).toThrow(RangeError);
  });

  it('rejects an invalid calendar with every issue named', () => {
    const broken = { ...berlin, timeZone: 'Mars/Olympus' } as BusinessCalendar;
    expect(() => addBusinessTime(broken, new Date(), H)).toThrow(BusinessCalendarError);
    expect(() => isBusinessTime(broken, new Date())).toThrow('unknown time zone "Mars/Olympus"');
  });
});
