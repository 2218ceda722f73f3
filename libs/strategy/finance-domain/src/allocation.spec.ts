import { allocateByWeight } from './allocation';

const total = (map: Map<string, number>): number => [...map.values()].reduce((sum, value) => sum + value, 0);

function shareOf(map: Map<string, number>, key: string): number {
  const share = map.get(key);
  if (share === undefined) throw new Error(`no share for ${key}`);
  return share;
}

describe('allocateByWeight', () => {
  it('splits in proportion when the division is exact', () => {
    const shares = allocateByWeight(10_000, [
      { key: 'Finance', weight: 3 },
      { key: 'Sales', weight: 1 },
    ]);
    expect([...shares]).toEqual([
      ['Finance', 7_500],
      ['Sales', 2_500],
    ]);
  });

  it('gives leftover cents to the largest remainders', () => {
    // 1000 × 1/6 = 166.67, × 2/6 = 333.33, × 3/6 = 500: floors sum to 999, the cent goes to the .67
    const shares = allocateByWeight(1_000, [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 2 },
      { key: 'c', weight: 3 },
    ]);
    expect(Object.fromEntries(shares)).toEqual({ a: 167, b: 333, c: 500 });
  });

  it('breaks remainder ties by key ascending, whatever the input order', () => {
    const weights = [
      { key: 'Sales', weight: 1 },
      { key: 'HR', weight: 1 },
      { key: 'Finance', weight: 1 },
    ];
    const shares = allocateByWeight(100, weights);
    expect(Object.fromEntries(shares)).toEqual({ Finance: 34, HR: 33, Sales: 33 });
    expect([...shares.keys()]).toEqual(['Sales', 'HR', 'Finance']); // input order kept
    expect(Object.fromEntries(allocateByWeight(101, weights))).toEqual({ Finance: 34, HR: 34, Sales: 33 });
  });

  it('mirrors negative amounts', () => {
    const weights = [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 2 },
      { key: 'c', weight: 3 },
    ];
    expect(Object.fromEntries(allocateByWeight(-1_000, weights))).toEqual({ a: -167, b: -333, c: -500 });
  });

  it('gives zero-weight keys nothing, never -0', () => {
    const shares = allocateByWeight(-7, [
      { key: 'idle', weight: 0 },
      { key: 'busy', weight: 5 },
    ]);
    expect(Object.is(shares.get('idle'), 0)).toBe(true);
    expect(shares.get('busy')).toBe(-7);
  });

  it('returns an empty map when nobody carries weight', () => {
    expect(allocateByWeight(5_000, []).size).toBe(0);
    expect(allocateByWeight(5_000, [{ key: 'idle', weight: 0 }]).size).toBe(0);
  });

  it('sums exactly for large figures, where A·w exceeds 2^53', () => {
    const amount = 999_999_999_999_999;
    const weights = [7, 10_000_019, 123_456_789, 1].map((weight, i) => ({ key: `bu${i}`, weight }));
    const shares = allocateByWeight(amount, weights);
    expect(total(shares)).toBe(amount);
    const weightSum = 133_456_816n;
    for (const { key, weight } of weights) {
      const floor = (BigInt(amount) * BigInt(weight)) / weightSum;
      expect(BigInt(shareOf(shares, key)) - floor).toBeGreaterThanOrEqual(0n);
      expect(BigInt(shareOf(shares, key)) - floor).toBeLessThanOrEqual(1n);
    }
  });

  it('sums exactly and stays within one cent of the exact share (seeded)', () => {
    let state = 12_345;
    const next = (limit: number): number => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state % limit;
    };
    for (let run = 0; run < 500; run++) {
      const amount = next(2_000_000) - 1_000_000;
      const weights = Array.from({ length: 1 + next(8) }, (_, i) => ({ key: `k${i}`, weight: next(50) }));
      const weightSum = weights.reduce((sum, { weight }) => sum + weight, 0);
      const shares = allocateByWeight(amount, weights);
      if (weightSum === 0) {
        expect(shares.size).toBe(0);
        continue;
      }
      expect(total(shares)).toBe(amount);
      for (const { key, weight } of weights) {
        expect(Math.abs(shareOf(shares, key) - (amount * weight) / weightSum)).toBeLessThan(1);
      }
    }
  });

  it('rejects bad weights and duplicate keys', () => {
    expect(() => allocateByWeight(100, [{ key: 'a', weight: -1 }])).toThrow(RangeError);
    expect(() => allocateByWeight(100, [{ key: 'a', weight: 1.5 }])).toThrow(RangeError);
    expect(() => allocateByWeight(100, [{ key: 'a', weight: 1 }, { key: 'a', weight: 2 }])).toThrow(/duplicate/);
    expect(() => allocateByWeight(0.5, [{ key: 'a', weight: 1 }])).toThrow(RangeError);
  });
});
