import { daysFromCivil } from './civil-date';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './time-units';
import { ZoneClock } from './zone-clock';

const local = (y: number, m: number, d: number, hh = 0, mm = 0) =>
  daysFromCivil(y, m, d) * MS_PER_DAY + hh * MS_PER_HOUR + mm * MS_PER_MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

describe('ZoneClock', () => {
  const berlin = ZoneClock.of('Europe/Berlin');

  it('reads UTC offsets, including historical and sub-minute ones', () => {
    expect(berlin.offsetAt(Date.parse('2026-01-15T12:00:00Z'))).toBe(MS_PER_HOUR);
    expect(berlin.offsetAt(Date.parse('2026-07-15T12:00:00Z'))).toBe(2 * MS_PER_HOUR);
    expect(ZoneClock.of('Asia/Kolkata').offsetAt(0)).toBe(5.5 * MS_PER_HOUR);
    // Local mean time before 1893: +00:53:28.
    expect(berlin.offsetAt(Date.parse('1850-06-01T00:00:00Z'))).toBe(53 * MS_PER_MINUTE + 28_000);
  });

  it('is shared per canonical zone', () => {
    expect(ZoneClock.of('europe/berlin')).toBe(berlin);
    expect(() => ZoneClock.of('Mars/Olympus')).toThrow(RangeError);
  });

  it('maps ordinary wall-clock readings to the single matching instant', () => {
    expect(iso(berlin.toInstant(local(2026, 11, 20, 16)))).toBe('2026-11-20T15:00:00.000Z');
    expect(iso(berlin.toInstant(local(2026, 3, 29, 1, 59)))).toBe('2026-03-29T00:59:00.000Z');
    expect(iso(berlin.toInstant(local(2026, 3, 29, 3)))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('gap rule: a reading that does not exist maps to the end of the gap', () => {
    expect(iso(berlin.toInstant(local(2026, 3, 29, 2)))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(berlin.toInstant(local(2026, 3, 29, 2, 30)))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(ZoneClock.of('America/New_York').toInstant(local(2026, 3, 8, 2, 30)))).toBe('2026-03-08T07:00:00.000Z');
  });

  it('overlap rule: a reading that exists twice maps to its earlier instant', () => {
    expect(iso(berlin.toInstant(local(2026, 10, 25, 2)))).toBe('2026-10-25T00:00:00.000Z');
    expect(iso(berlin.toInstant(local(2026, 10, 25, 2, 30)))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(berlin.toInstant(local(2026, 10, 25, 3)))).toBe('2026-10-25T02:00:00.000Z');
    expect(iso(ZoneClock.of('America/New_York').toInstant(local(2026, 11, 1, 1, 30)))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('finds local midnights and the local day of an instant', () => {
    const day = daysFromCivil(2026, 3, 29);
    expect(iso(berlin.midnight(day))).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(berlin.midnight(day + 1))).toBe('2026-03-29T22:00:00.000Z');
    expect(berlin.dayOf(Date.parse('2026-03-28T22:59:59.999Z'))).toBe(day - 1);
    expect(berlin.dayOf(Date.parse('2026-03-28T23:00:00Z'))).toBe(day);
    expect(berlin.dayOf(Date.parse('2026-03-29T21:59:59.999Z'))).toBe(day);
    expect(ZoneClock.of('Pacific/Kiritimati').dayOf(Date.parse('2026-01-01T10:00:00Z'))).toBe(
      daysFromCivil(2026, 1, 2),
    );
  });

  it('handles a missing midnight (America/Santiago 2026-09-06 starts at 01:00)', () => {
    const santiago = ZoneClock.of('America/Santiago');
    expect(iso(santiago.midnight(daysFromCivil(2026, 9, 6)))).toBe('2026-09-06T04:00:00.000Z');
  });

  it('handles a skipped day (Pacific/Apia jumped from 2011-12-29 to 2011-12-31)', () => {
    const apia = ZoneClock.of('Pacific/Apia');
    const skipped = daysFromCivil(2011, 12, 30);
    expect(apia.midnight(skipped)).toBe(apia.midnight(skipped + 1));
    expect(apia.dayOf(Date.parse('2011-12-30T09:59:59Z'))).toBe(skipped - 1);
    expect(apia.dayOf(Date.parse('2011-12-30T10:00:00Z'))).toBe(skipped + 1);
  });
});
