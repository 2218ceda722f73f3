import { BusinessCalendar, WorkingInterval } from './calendar';
import { addBusinessTime, businessTimeBetween, isBusinessTime, nextBusinessOpening } from './business-time';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './time-units';

const H = MS_PER_HOUR;
const WEEK = 7 * MS_PER_DAY;
const iso = (date: Date) => date.toISOString();

function calendar(timeZone: string, weekday: WorkingInterval[], sunday: WorkingInterval[] = []): BusinessCalendar {
  return {
    timeZone,
    weeklyHours: {
      monday: weekday,
      tuesday: weekday,
      wednesday: weekday,
      thursday: weekday,
      friday: weekday,
      saturday: [],
      sunday,
    },
    holidays: [],
  };
}

const OFFICE = [{ start: '08:00', end: '18:00' }];

/**
 * Each switch weekend: Friday 16:00 local (opened), the expected Monday 10:00 local (due),
 * the week before's Friday and Monday, and the local Monday 00:00 starting the switch
 * week and the one after it — all written as UTC instants.
 */
const SWITCHES = [
  {
    name: 'Europe/Berlin spring forward 2026-03-29 (CET → CEST)',
    timeZone: 'Europe/Berlin',
    opened: '2026-03-27T15:00:00Z', // Fri 16:00 CET
    due: '2026-03-30T08:00:00.000Z', // Mon 10:00 CEST
    dueWeekBefore: '2026-03-23T09:00:00.000Z', // Mon 10:00 CET
    switchWeek: ['2026-03-22T23:00:00Z', '2026-03-29T22:00:00Z'], // Mon 00:00 CET .. Mon 00:00 CEST
    shift: -H,
  },
  {
    name: 'Europe/Berlin fall back 2026-10-25 (CEST → CET)',
    timeZone: 'Europe/Berlin',
    opened: '2026-10-23T14:00:00Z', // Fri 16:00 CEST
    due: '2026-10-26T09:00:00.000Z', // Mon 10:00 CET
    dueWeekBefore: '2026-10-19T08:00:00.000Z', // Mon 10:00 CEST
    switchWeek: ['2026-10-18T22:00:00Z', '2026-10-25T23:00:00Z'],
    shift: H,
  },
  {
    name: 'America/New_York spring forward 2026-03-08 (EST → EDT)',
    timeZone: 'America/New_York',
    opened: '2026-03-06T21:00:00Z', // Fri 16:00 EST
    due: '2026-03-09T14:00:00.000Z', // Mon 10:00 EDT
    dueWeekBefore: '2026-03-02T15:00:00.000Z', // Mon 10:00 EST
    switchWeek: ['2026-03-02T05:00:00Z', '2026-03-09T04:00:00Z'],
    shift: -H,
  },
  {
    name: 'America/New_York fall back 2026-11-01 (EDT → EST)',
    timeZone: 'America/New_York',
    opened: '2026-10-30T20:00:00Z', // Fri 16:00 EDT
    due: '2026-11-02T15:00:00.000Z', // Mon 10:00 EST
    dueWeekBefore: '2026-10-26T14:00:00.000Z', // Mon 10:00 EDT
    switchWeek: ['2026-10-26T04:00:00Z', '2026-11-02T05:00:00Z'],
    shift: H,
  },
] as const;

describe.each(SWITCHES)('$name, Mon–Fri 08:00–18:00', (dst) => {
  const { timeZone, opened, due, dueWeekBefore, switchWeek, shift } = dst;
  const office = calendar(timeZone, OFFICE);

  it('H+4 opened Friday 16:00 falls due Monday 10:00 local', () => {
    expect(iso(addBusinessTime(office, new Date(opened), 4 * H))).toBe(due);
  });

  it('the UTC result differs by exactly the offset change from the same computation a week earlier', () => {
    const weekBefore = addBusinessTime(office, Date.parse(opened) - WEEK, 4 * H);
    expect(iso(weekBefore)).toBe(dueWeekBefore);
    expect(Date.parse(due) - (weekBefore.getTime() + WEEK)).toBe(shift);
  });

  it('the switch week holds 50 business hours, like any other week', () => {
    const [monday, nextMonday] = [new Date(switchWeek[0]), new Date(switchWeek[1])];
    expect(nextMonday.getTime() - monday.getTime()).toBe(WEEK + shift);
    expect(businessTimeBetween(office, monday, nextMonday)).toBe(50 * H);
    expect(businessTimeBetween(office, monday.getTime() - WEEK, monday)).toBe(50 * H);
    expect(businessTimeBetween(office, new Date(opened), new Date(due))).toBe(4 * H);
    // 10 real hours on the switch day's neighbours too: Friday and Monday are ordinary days.
    expect(businessTimeBetween(office, Date.parse(due) - 2 * H, Date.parse(due) + 22 * H)).toBe(10 * H);
  });

  it('an H+50 target across the switch lands at the same local time one week later', () => {
    expect(iso(addBusinessTime(office, new Date(opened), 50 * H))).toBe(
      new Date(Date.parse(opened) + WEEK + shift).toISOString(),
    );
  });
});

describe('hours across the switch itself (Europe/Berlin)', () => {
  // Business time is real elapsed time; the windows are wall-clock times.
  const allSunday = calendar('Europe/Berlin', OFFICE, [{ start: '00:00', end: '24:00' }]);
  const smallHours = calendar('Europe/Berlin', OFFICE, [{ start: '01:00', end: '04:00' }]);
  const fromGap = calendar('Europe/Berlin', OFFICE, [{ start: '02:30', end: '05:00' }]);
  const insideOverlap = calendar('Europe/Berlin', OFFICE, [{ start: '02:00', end: '02:30' }]);

  it('a 00:00–24:00 Sunday lasts 23 real hours in spring and 25 in autumn', () => {
    expect(businessTimeBetween(allSunday, new Date('2026-03-28T00:00:00Z'), new Date('2026-03-30T06:00:00Z'))).toBe(
      23 * H,
    );
    expect(businessTimeBetween(allSunday, new Date('2026-10-24T00:00:00Z'), new Date('2026-10-26T06:00:00Z'))).toBe(
      25 * H,
    );
  });

  it('2 business hours from Sunday 00:00 on the spring-forward day end at 03:00 CEST (2 real hours)', () => {
    expect(iso(addBusinessTime(allSunday, new Date('2026-03-28T23:00:00Z'), 2 * H))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(addBusinessTime(allSunday, new Date('2026-10-24T22:00:00Z'), 4 * H))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('01:00–04:00 on the switch day: 2 real hours in spring, 4 in autumn', () => {
    // Spring: 01:00 CET = 00:00Z .. 04:00 CEST = 02:00Z. Autumn: 01:00 CEST = 23:00Z .. 04:00 CET = 03:00Z.
    const spring = [new Date('2026-03-28T12:00:00Z'), new Date('2026-03-29T12:00:00Z')] as const;
    const autumn = [new Date('2026-10-24T12:00:00Z'), new Date('2026-10-25T12:00:00Z')] as const;
    expect(businessTimeBetween(smallHours, ...spring)).toBe(2 * H);
    expect(businessTimeBetween(smallHours, ...autumn)).toBe(4 * H);
    expect(iso(nextBusinessOpening(smallHours, spring[0]))).toBe('2026-03-29T00:00:00.000Z');
    expect(iso(nextBusinessOpening(smallHours, autumn[0]))).toBe('2026-10-24T23:00:00.000Z');
    expect(iso(addBusinessTime(smallHours, spring[0], 2 * H))).toBe('2026-03-29T02:00:00.000Z');
    expect(iso(addBusinessTime(smallHours, autumn[0], 4 * H))).toBe('2026-10-25T03:00:00.000Z');
    // A normal Sunday: 3 hours.
    expect(businessTimeBetween(smallHours, new Date('2026-03-21T12:00:00Z'), new Date('2026-03-22T12:00:00Z'))).toBe(
      3 * H,
    );
  });

  it('gap rule: a start time that does not exist (02:30 on 2026-03-29) opens right after the gap, 03:00 CEST', () => {
    const saturdayNoon = new Date('2026-03-28T11:00:00Z');
    expect(iso(nextBusinessOpening(fromGap, saturdayNoon))).toBe('2026-03-29T01:00:00.000Z');
    expect(isBusinessTime(fromGap, new Date('2026-03-29T00:59:59Z'))).toBe(false);
    expect(isBusinessTime(fromGap, new Date('2026-03-29T01:00:00Z'))).toBe(true);
    // 03:00 CEST .. 05:00 CEST.
    expect(businessTimeBetween(fromGap, saturdayNoon, new Date('2026-03-29T12:00:00Z'))).toBe(2 * H);
  });

  it('overlap rule: an ambiguous time (02:30 on 2026-10-25) means its first occurrence, 02:30 CEST', () => {
    const saturdayNoon = new Date('2026-10-24T10:00:00Z');
    expect(iso(nextBusinessOpening(fromGap, saturdayNoon))).toBe('2026-10-25T00:30:00.000Z');
    // 02:30 CEST = 00:30Z .. 05:00 CET = 04:00Z: 3.5 real hours, the repeated 02:30–03:00 included.
    expect(businessTimeBetween(fromGap, saturdayNoon, new Date('2026-10-25T12:00:00Z'))).toBe(3.5 * H);
    expect(isBusinessTime(fromGap, new Date('2026-10-25T01:15:00Z'))).toBe(true); // 02:15 CET, second pass
  });

  it('overlap rule: an interval inside the repeated hour (02:00–02:30) is counted once, on its first pass', () => {
    expect(businessTimeBetween(insideOverlap, new Date('2026-10-24T12:00:00Z'), new Date('2026-10-25T12:00:00Z'))).toBe(
      30 * MS_PER_MINUTE,
    );
    expect(isBusinessTime(insideOverlap, new Date('2026-10-25T00:15:00Z'))).toBe(true); // 02:15 CEST
    expect(isBusinessTime(insideOverlap, new Date('2026-10-25T01:15:00Z'))).toBe(false); // 02:15 CET
  });

  it('an interval lying wholly inside the gap has no business time that day', () => {
    const lost = calendar('Europe/Berlin', OFFICE, [{ start: '02:15', end: '02:45' }]);
    expect(businessTimeBetween(lost, new Date('2026-03-28T12:00:00Z'), new Date('2026-03-29T12:00:00Z'))).toBe(0);
    expect(iso(nextBusinessOpening(lost, new Date('2026-03-28T12:00:00Z')))).toBe('2026-03-30T06:00:00.000Z');
  });
});

describe('other zones', () => {
  it('America/New_York: Sunday 00:00–24:00 lasts 23 h on 2026-03-08 and 25 h on 2026-11-01', () => {
    const sundays = calendar('America/New_York', OFFICE, [{ start: '00:00', end: '24:00' }]);
    expect(businessTimeBetween(sundays, new Date('2026-03-08T00:00:00Z'), new Date('2026-03-09T12:00:00Z'))).toBe(
      23 * H,
    );
    expect(businessTimeBetween(sundays, new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T12:00:00Z'))).toBe(
      25 * H,
    );
  });

  it('America/Santiago: local midnight 2026-09-06 does not exist; the day opens at 01:00 (-03)', () => {
    const sunday = calendar('America/Santiago', OFFICE, [{ start: '00:00', end: '24:00' }]);
    expect(iso(nextBusinessOpening(sunday, new Date('2026-09-05T12:00:00Z')))).toBe('2026-09-06T04:00:00.000Z');
    expect(iso(nextBusinessOpening(sunday, new Date('2026-09-06T12:00:00Z')))).toBe('2026-09-06T12:00:00.000Z');
    // Saturday is closed; Sunday 2026-09-06 is 01:00 -03 (04:00Z) .. 24:00 -03 (03:00Z Monday).
    const { timeZone, holidays } = sunday;
    const sundayOnly = { timeZone, holidays, weeklyHours: { ...sunday.weeklyHours, friday: [] } };
    expect(businessTimeBetween(sundayOnly, new Date('2026-09-05T00:00:00Z'), new Date('2026-09-07T02:59:00Z'))).toBe(
      23 * H - MS_PER_MINUTE,
    );
  });

  it('Australia/Lord_Howe (30-minute DST): an 08:00–18:00 week is still 50 hours', () => {
    const office = calendar('Australia/Lord_Howe', OFFICE);
    // Mon 2026-03-30 .. Mon 2026-04-06 (DST ends Sunday 2026-04-05 02:00 → 01:30).
    const [monday, nextMonday] = [new Date('2026-03-29T13:00:00Z'), new Date('2026-04-05T13:30:00Z')];
    expect(businessTimeBetween(office, monday, nextMonday)).toBe(50 * H);
    expect(iso(addBusinessTime(office, new Date('2026-04-03T05:00:00Z'), 4 * H))).toBe('2026-04-05T23:30:00.000Z');
  });

  it('Asia/Kolkata (+05:30, no DST)', () => {
    const office = calendar('Asia/Kolkata', OFFICE);
    expect(iso(addBusinessTime(office, new Date('2026-11-20T10:30:00Z'), 4 * H))).toBe('2026-11-23T04:30:00.000Z');
  });
});
