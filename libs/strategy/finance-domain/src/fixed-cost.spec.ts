import { MonthRange, parsePeriod } from './fiscal-period';
import { fixedCostForPeriod } from './fixed-cost';

function period(text: string): MonthRange {
  const range = parsePeriod(text);
  if (!range) throw new Error(`bad period in test: ${text}`);
  return range;
}

describe('fixedCostForPeriod', () => {
  it('charges whole instances exactly', () => {
    expect(fixedCostForPeriod(20_000, 'month', period('2026-Q1'))).toBe(60_000);
    expect(fixedCostForPeriod(100_000, 'quarter', period('2026-Q3'))).toBe(100_000);
    expect(fixedCostForPeriod(100_000, 'quarter', period('2026'))).toBe(400_000);
    expect(fixedCostForPeriod(120_000, 'year', period('2026'))).toBe(120_000);
    expect(fixedCostForPeriod(20_000, 'month', period('2026'))).toBe(240_000);
  });

  it('spreads quarter and year instances over their months, adding back up', () => {
    // 1000.00 per quarter: Jan 333.33, Feb 333.33, Mar 333.34
    expect(['2026-01', '2026-02', '2026-03'].map((m) => fixedCostForPeriod(100_000, 'quarter', period(m)))).toEqual([
      33_333, 33_333, 33_334,
    ]);
    expect(fixedCostForPeriod(100_001, 'year', period('2026-Q2'))).toBe(25_000); // floor(6/12·A) − floor(3/12·A)
    const quarters = ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => fixedCostForPeriod(100_001, 'year', period(`2026-${q}`)));
    expect(quarters.reduce((sum, value) => sum + value, 0)).toBe(100_001);
  });

  it('counts the right part of each instance for a straddling period', () => {
    const novToFeb = { firstMonth: period('2026-11').firstMonth, months: 4 };
    // Nov + Dec of Q4 2026 (333.33 + 333.34) and Jan + Feb of Q1 2027 (333.33 + 333.33)
    expect(fixedCostForPeriod(100_000, 'quarter', novToFeb)).toBe(133_333);
    // 2026 share: floor(12·A/12) − floor(10·A/12); 2027 share: floor(2·A/12)
    expect(fixedCostForPeriod(1_200_001, 'year', novToFeb)).toBe(200_001 + 200_000);
  });

  it('handles credits and empty periods', () => {
    expect(fixedCostForPeriod(-100_000, 'quarter', period('2026-01'))).toBe(-33_333);
    expect(fixedCostForPeriod(100_000, 'quarter', { firstMonth: 0, months: 0 })).toBe(0);
  });
});
