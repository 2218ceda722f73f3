import { MonthRange, parsePeriod } from './fiscal-period';
import { prorate } from './proration';

function period(text: string): MonthRange {
  const range = parsePeriod(text);
  if (!range) throw new Error(`bad period in test: ${text}`);
  return range;
}

const year = period('2026');
const month = (firstMonth: number): MonthRange => ({ firstMonth, months: 1 });
const monthsOf = (range: MonthRange): MonthRange[] =>
  Array.from({ length: range.months }, (_, i) => month(range.firstMonth + i));
const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

describe('prorate', () => {
  it('splits 100.00 over a year into 12 monthly shares summing exactly', () => {
    const shares = monthsOf(year).map((m) => prorate(10_000, year, m));
    expect(shares).toEqual([833, 833, 834, 833, 833, 834, 833, 833, 834, 833, 833, 834]);
    expect(sum(shares)).toBe(10_000);
  });

  it('gives 333/333/334 for 1000 cents over 3 months, odd cent last', () => {
    const quarter = period('2026-Q1');
    expect(monthsOf(quarter).map((m) => prorate(1_000, quarter, m))).toEqual([333, 333, 334]);
    expect(monthsOf(quarter).map((m) => prorate(-1_000, quarter, m))).toEqual([-333, -333, -334]);
  });

  it('counts whole quarters of an annual amount and the whole amount for a covering window', () => {
    expect(prorate(12_000_000, year, period('2026-Q1'))).toBe(3_000_000);
    expect(prorate(12_000_000, year, period('2026'))).toBe(12_000_000);
    expect(prorate(12_000_000, year, { firstMonth: year.firstMonth - 5, months: 40 })).toBe(12_000_000);
    expect(prorate(500, period('2026-03'), period('2026-Q1'))).toBe(500);
  });

  it('counts only the overlapping part of a straddling window', () => {
    const dec2026ToFeb2027 = { firstMonth: year.firstMonth + 11, months: 3 };
    expect(prorate(10_000, year, dec2026ToFeb2027)).toBe(834); // only December lies in the spread
  });

  it('is 0 without overlap, never -0', () => {
    expect(prorate(800_000, period('2026-04'), period('2026-Q1'))).toBe(0);
    expect(Object.is(prorate(-800_000, period('2026-04'), period('2026-Q1')), 0)).toBe(true);
    expect(prorate(10_000, year, { firstMonth: year.firstMonth, months: 0 })).toBe(0);
    expect(prorate(0, year, year)).toBe(0);
  });

  it('sums exactly over any partition, for awkward amounts and lengths', () => {
    for (const amount of [1, 7, 99, 1_001, 123_456_789, -98_765, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) {
      for (const length of [1, 2, 3, 7, 12, 36]) {
        const spread = { firstMonth: 24_300, months: length };
        const third = Math.floor(length / 3);
        const half = Math.floor(length / 2);
        const ranges: [start: number, end: number][] = [[0, third], [third, half], [half, length]];
        const parts = ranges.map(([start, end]) => prorate(amount, spread, { firstMonth: 24_300 + start, months: end - start }));
        const monthly = monthsOf(spread).map((m) => prorate(amount, spread, m));
        expect(sum(parts)).toBe(amount);
        expect(monthly.reduce((total, value) => BigInt(value) + total, 0n)).toBe(BigInt(amount));
        // Evenly: no two monthly shares differ by more than one cent.
        expect(Math.max(...monthly) - Math.min(...monthly)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('stays exact past 2^53 intermediate products (BigInt path)', () => {
    const big = Number.MAX_SAFE_INTEGER - 6; // A·12 is far beyond 2^53
    const shares = monthsOf(year).map((m) => prorate(big, year, m));
    expect(shares.reduce((total, value) => total + BigInt(value), 0n)).toBe(BigInt(big));
    expect(prorate(big, year, period('2026-Q2'))).toBe(Number((BigInt(big) * 6n) / 12n - (BigInt(big) * 3n) / 12n));
  });

  it('rejects non-integer amounts and empty spreads', () => {
    expect(() => prorate(1.5, year, year)).toThrow(RangeError);
    expect(() => prorate(100, { firstMonth: 0, months: 0 }, year)).toThrow(RangeError);
  });
});
