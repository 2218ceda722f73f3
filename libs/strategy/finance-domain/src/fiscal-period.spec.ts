import {
  contains,
  daysInMonth,
  endOf,
  formatMonth,
  includesMonth,
  monthIndex,
  monthOfDate,
  MonthRange,
  overlap,
  parsePeriod,
  PERIOD_PATTERN,
  quarterOf,
  yearOf,
} from './fiscal-period';

function period(text: string): MonthRange {
  const range = parsePeriod(text);
  if (!range) throw new Error(`bad period in test: ${text}`);
  return range;
}

const JAN_2026 = 2026 * 12;

describe('fiscal periods as month ranges', () => {
  it('parses years, quarters and months', () => {
    expect(parsePeriod('2026')).toEqual({ firstMonth: JAN_2026, months: 12 });
    expect(parsePeriod('2026-Q1')).toEqual({ firstMonth: JAN_2026, months: 3 });
    expect(parsePeriod('2026-Q2')).toEqual({ firstMonth: JAN_2026 + 3, months: 3 });
    expect(parsePeriod('2026-Q4')).toEqual({ firstMonth: JAN_2026 + 9, months: 3 });
    expect(parsePeriod('2026-01')).toEqual({ firstMonth: JAN_2026, months: 1 });
    expect(parsePeriod('2026-12')).toEqual({ firstMonth: JAN_2026 + 11, months: 1 });
    expect(parsePeriod('0000-01')).toEqual({ firstMonth: 0, months: 1 });
  });

  it('rejects malformed periods', () => {
    const bad = ['2026-Q5', '2026-Q0', '2026-13', '2026-00', '2026-1', '26', '20261', '2026-q1', '2026Q1', '2026-H1'];
    bad.push(' 2026', '2026-01-01', '');
    for (const text of bad) {
      expect(parsePeriod(text)).toBeUndefined();
      expect(PERIOD_PATTERN.test(text)).toBe(false);
    }
  });

  it('takes the month of real dates only', () => {
    expect(monthOfDate('2026-03-31')).toBe(monthIndex(2026, 3));
    expect(monthOfDate('2028-02-29')).toBe(monthIndex(2028, 2));
    expect(monthOfDate('2000-02-29')).toBe(monthIndex(2000, 2));
    const bad = ['2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00'];
    for (const text of [...bad, '2026-1-5', '2026-01-05T00:00']) {
      expect(monthOfDate(text)).toBeUndefined();
    }
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });

  it('formats month indexes as YYYY-MM', () => {
    expect(formatMonth(JAN_2026)).toBe('2026-01');
    expect(formatMonth(JAN_2026 + 11)).toBe('2026-12');
    expect(formatMonth(0)).toBe('0000-01');
    for (const text of ['2026-01', '1999-12', '0042-07']) {
      expect(formatMonth(period(text).firstMonth)).toBe(text);
    }
    expect(() => formatMonth(-1)).toThrow(RangeError);
    expect(() => formatMonth(120_000)).toThrow(RangeError);
    expect(() => formatMonth(1.5)).toThrow(RangeError);
  });

  it('intersects and nests ranges (half-open)', () => {
    const year = period('2026');
    const q2 = period('2026-Q2');
    const lateQ = { firstMonth: JAN_2026 + 11, months: 3 }; // Dec 2026 – Feb 2027
    expect(overlap(year, q2)).toEqual(q2);
    expect(overlap(year, lateQ)).toEqual({ firstMonth: JAN_2026 + 11, months: 1 });
    expect(overlap(q2, period('2026-Q3'))).toBeUndefined(); // adjacent, no shared month
    expect(overlap(year, period('2027-01'))).toBeUndefined();
    expect(contains(year, q2)).toBe(true);
    expect(contains(year, year)).toBe(true);
    expect(contains(q2, year)).toBe(false);
    expect(contains(year, lateQ)).toBe(false);
    expect(contains(q2, { firstMonth: 0, months: 0 })).toBe(true);
    expect(includesMonth(q2, JAN_2026 + 3)).toBe(true);
    expect(includesMonth(q2, JAN_2026 + 6)).toBe(false);
    expect(endOf(q2)).toBe(JAN_2026 + 6);
  });

  it('finds the quarter and year of a month', () => {
    expect(quarterOf(monthIndex(2026, 5))).toEqual(parsePeriod('2026-Q2'));
    expect(quarterOf(monthIndex(2026, 4))).toEqual(parsePeriod('2026-Q2'));
    expect(quarterOf(monthIndex(2026, 12))).toEqual(parsePeriod('2026-Q4'));
    expect(yearOf(monthIndex(2026, 7))).toEqual(parsePeriod('2026'));
    expect(yearOf(monthIndex(2026, 1))).toEqual(parsePeriod('2026'));
  });
});
