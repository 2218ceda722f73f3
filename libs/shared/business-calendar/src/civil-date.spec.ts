import {
  civilFromDays,
  daysFromCivil,
  formatIsoDate,
  parseIsoDate,
  parseWallClockTime,
  weekdayIndexOfDay,
} from './civil-date';

describe('civil dates as day numbers', () => {
  it('matches Date.UTC and round-trips across centuries', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2000, 2, 29],
      [2026, 12, 31],
      [1600, 3, 1],
      [2400, 2, 29],
      [9999, 12, 31],
    ] as const) {
      const day = daysFromCivil(y, m, d);
      expect(day).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      expect(civilFromDays(day)).toEqual({ year: y, month: m, day: d });
    }
  });

  it('gives ISO weekdays (0 = Monday)', () => {
    expect(weekdayIndexOfDay(daysFromCivil(1970, 1, 1))).toBe(3); // Thursday
    expect(weekdayIndexOfDay(daysFromCivil(2026, 11, 20))).toBe(4); // Friday
    expect(weekdayIndexOfDay(daysFromCivil(2026, 3, 29))).toBe(6); // Sunday
    expect(weekdayIndexOfDay(daysFromCivil(1969, 12, 29))).toBe(0); // Monday, before the epoch
  });

  it('parses real YYYY-MM-DD dates only', () => {
    expect(parseIsoDate('2026-12-24')).toBe(daysFromCivil(2026, 12, 24));
    expect(formatIsoDate(daysFromCivil(2026, 1, 5))).toBe('2026-01-05');
    const bad = ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-5', '26-01-05', '2026-01-05T00:00'];
    for (const text of bad) {
      expect(parseIsoDate(text)).toBeUndefined();
    }
    expect(parseIsoDate('2028-02-29')).toBe(daysFromCivil(2028, 2, 29));
  });

  it('parses HH:mm wall-clock times, 24:00 only as an end', () => {
    expect(parseWallClockTime('00:00')).toBe(0);
    expect(parseWallClockTime('08:30')).toBe(510);
    expect(parseWallClockTime('23:59')).toBe(1439);
    expect(parseWallClockTime('24:00')).toBeUndefined();
    expect(parseWallClockTime('24:00', true)).toBe(1440);
    for (const bad of ['8:00', '08:60', '25:00', '24:01', '0800', '08:00:00', ' 08:00']) {
      expect(parseWallClockTime(bad, true)).toBeUndefined();
    }
  });
});
