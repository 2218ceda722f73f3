import { BusinessCalendar, CALENDAR_24X7 } from './calendar';
import { daysFromCivil } from './civil-date';
import { compileCalendar } from './compiled-calendar';
import { MS_PER_HOUR } from './time-units';

const office = [{ start: '08:00', end: '18:00' }];
const berlin: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  weeklyHours: {
    monday: [
      { start: '08:00', end: '12:00' },
      { start: '12:00', end: '13:00' },
    ],
    tuesday: office,
    wednesday: office,
    thursday: office,
    friday: office,
    saturday: [],
    sunday: [],
  },
  holidays: [{ date: '2026-11-18', name: 'Buß- und Bettag (Saxony)' }],
};
const iso = (ms: number) => new Date(ms).toISOString();

describe('compileCalendar', () => {
  it('is cached per calendar object; no calendar is the 24x7 one', () => {
    expect(compileCalendar(berlin)).toBe(compileCalendar(berlin));
    expect(compileCalendar(undefined)).toBe(compileCalendar(null));
    expect(compileCalendar(undefined).alwaysOpen).toBe(true);
    expect(compileCalendar(CALENDAR_24X7).alwaysOpen).toBe(true);
    expect(compileCalendar(berlin).alwaysOpen).toBe(false);
  });

  it('merges touching intervals and knows the nominal week', () => {
    const compiled = compileCalendar(berlin);
    expect(compiled.nominalWeekMs).toBe(45 * MS_PER_HOUR);
    const monday = daysFromCivil(2026, 11, 16);
    expect(compiled.windowsOf(monday).map(iso)).toEqual(['2026-11-16T07:00:00.000Z', '2026-11-16T12:00:00.000Z']);
  });

  it('closes holidays and weekends', () => {
    const compiled = compileCalendar(berlin);
    expect(compiled.windowsOf(daysFromCivil(2026, 11, 18))).toEqual([]);
    expect(compiled.windowsOf(daysFromCivil(2026, 11, 21))).toEqual([]);
  });

  it('gives week totals net of holidays, and none for a week with an offset change', () => {
    const compiled = compileCalendar(berlin);
    expect(compiled.weekMs(daysFromCivil(2026, 11, 9))).toBe(45 * MS_PER_HOUR);
    expect(compiled.weekMs(daysFromCivil(2026, 11, 16))).toBe(35 * MS_PER_HOUR);
    expect(compiled.weekMs(daysFromCivil(2026, 11, 13))).toBe(35 * MS_PER_HOUR);
    expect(compiled.weekMs(daysFromCivil(2026, 10, 19))).toBeUndefined();
    expect(compiled.weekMs(daysFromCivil(2026, 10, 26))).toBe(45 * MS_PER_HOUR);
  });

  it('refuses an invalid calendar', () => {
    expect(() => compileCalendar({ ...berlin, holidays: [{ date: 'tomorrow', name: 'x' }] })).toThrow(
      'holidays[0].date',
    );
  });
});
