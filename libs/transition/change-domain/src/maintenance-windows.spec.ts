import { MaintenanceWindow, firstInstantOutside, withinMaintenance } from './maintenance-windows';

/** Sundays 02:00–06:00 Berlin. */
const SUNDAY_NIGHT: MaintenanceWindow = { name: 'Sunday night', timeZone: 'Europe/Berlin', days: ['sunday'], start: '02:00', durationMinutes: 240 };
/** Saturdays 22:00 for 6 h, so until Sunday 04:00 Berlin. */
const SATURDAY_LATE: MaintenanceWindow = { name: 'Saturday late', timeZone: 'Europe/Berlin', days: ['saturday'], start: '22:00', durationMinutes: 360 };
/** Sundays 05:00–07:00 in UTC (06:00–08:00 Berlin in winter): joins SUNDAY_NIGHT from another zone. */
const SUNDAY_MORNING_UTC: MaintenanceWindow = { name: 'Sunday morning', timeZone: 'UTC', days: ['sunday'], start: '05:00', durationMinutes: 120 };
const ALWAYS: MaintenanceWindow = {
  name: 'any time',
  timeZone: 'UTC',
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  start: '00:00',
  durationMinutes: 1440,
};

/** Berlin local time in winter 2026 (UTC+1): 2026-12-05 is a Saturday, 12-06 a Sunday. */
const berlin = (local: string) => new Date(`2026-12-${local}:00+01:00`);
const windowOf = (start: string, end: string) => ({ start: berlin(start), end: berlin(end) });

describe('withinMaintenance', () => {
  it.each<[string, MaintenanceWindow[], [string, string], string | undefined]>([
    ['inside one window', [SUNDAY_NIGHT], ['06T02:30', '06T05:00'], undefined],
    ['exactly the window (half-open)', [SUNDAY_NIGHT], ['06T02:00', '06T06:00'], undefined],
    ['starting before it', [SUNDAY_NIGHT], ['06T01:30', '06T03:00'], '06T01:30'],
    ['running past its end', [SUNDAY_NIGHT], ['06T05:00', '06T07:00'], '06T06:00'],
    ['on another day', [SUNDAY_NIGHT], ['07T02:30', '07T03:00'], '07T02:30'],
    ['across midnight in a window that crosses it', [SATURDAY_LATE], ['05T23:00', '06T03:30'], undefined],
    ['after a window that crossed midnight ended', [SATURDAY_LATE], ['06T03:30', '06T04:30'], '06T04:00'],
    ['across two windows that overlap', [SATURDAY_LATE, SUNDAY_NIGHT], ['05T23:00', '06T05:30'], undefined],
    ['across windows of two zones that touch', [SUNDAY_NIGHT, SUNDAY_MORNING_UTC], ['06T05:00', '06T08:00'], undefined],
    ['past the second zone', [SUNDAY_NIGHT, SUNDAY_MORNING_UTC], ['06T05:00', '06T09:30'], '06T08:00'],
    ['with a gap between windows', [SUNDAY_NIGHT, { ...SUNDAY_MORNING_UTC, start: '05:30' }], ['06T05:00', '06T08:00'], '06T06:00'],
    ['a window open all week', [ALWAYS], ['01T00:00', '24T00:00'], undefined],
    ['no window at all', [], ['06T02:30', '06T03:00'], '06T02:30'],
  ])('%s', (_case, windows, [start, end], outsideFrom) => {
    const window = windowOf(start, end);
    expect(firstInstantOutside(windows, window)).toEqual(outsideFrom === undefined ? undefined : berlin(outsideFrom));
    expect(withinMaintenance(windows, window)).toBe(outsideFrom === undefined);
  });

  it('follows the zone across a DST change: 02:00–06:00 Berlin is 00:00Z–04:00Z in summer', () => {
    const summer = { start: new Date('2026-07-05T00:30:00Z'), end: new Date('2026-07-05T03:30:00Z') };
    expect(withinMaintenance([SUNDAY_NIGHT], summer)).toBe(true);
    expect(firstInstantOutside([SUNDAY_NIGHT], { start: summer.start, end: new Date('2026-07-05T04:30:00Z') })).toEqual(new Date('2026-07-05T04:00:00Z'));
  });

  it('walks a long window by openings, not by minutes', () => {
    const year = { start: new Date('2026-01-04T01:00:00Z'), end: new Date('2027-01-03T05:00:00Z') };
    const days = ALWAYS.days;
    // 02:00–06:00 and 06:00–02:00 (next day) every day leave nothing out, yet neither is open all week.
    const nights = { ...SUNDAY_NIGHT, days };
    const daytimes = { ...SUNDAY_NIGHT, name: 'day', days, start: '06:00', durationMinutes: 1200 };
    expect(withinMaintenance([nights, daytimes], year)).toBe(true);
    // Without Wednesday's night the first gap is 2026-01-07 02:00 Berlin (01:00Z).
    const withoutWednesdayNight = [{ ...nights, days: days.filter((day) => day !== 'wednesday') }, daytimes];
    expect(firstInstantOutside(withoutWednesdayNight, year)).toEqual(new Date('2026-01-07T01:00:00Z'));
  });
});
