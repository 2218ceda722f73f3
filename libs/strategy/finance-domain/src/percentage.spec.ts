import { percentOf } from './percentage';

describe('percentOf', () => {
  it('rounds to 2 decimals, half away from zero', () => {
    expect(percentOf(50_000, 3_000_000)).toBe(1.67); // 1.6666…
    expect(percentOf(-130_000, 2_400_000)).toBe(-5.42); // −5.41666…
    expect(percentOf(-80_000, 5_400_000)).toBe(-1.48); // −1.48148…
    expect(percentOf(333, 200_000)).toBe(0.17); // exactly 0.1665 → up
    expect(percentOf(-333, 200_000)).toBe(-0.17); // exactly −0.1665 → away from zero
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(100, 100)).toBe(100);
    expect(percentOf(5, -100)).toBe(-5);
    expect(percentOf(-5, -100)).toBe(5);
  });

  it('is null for a zero base and never -0', () => {
    expect(percentOf(500, 0)).toBeNull();
    expect(percentOf(0, 0)).toBeNull();
    expect(Object.is(percentOf(-1, 1_000_000), 0)).toBe(true); // −0.0001 % rounds to 0
  });

  it('rounds exactly for the largest figures', () => {
    expect(percentOf(999_999_999_999_999, 1_000_000_000_000_000)).toBe(100); // 99.9999999999999 %
    // 99.4949999999999 %: just below the half
    expect(percentOf(994_949_999_999_999, 1_000_000_000_000_000)).toBe(99.49);
    expect(percentOf(994_999_999_999_999, 1_000_000_000_000_000)).toBe(99.5); // 99.4999999999999 %
    expect(percentOf(1, Number.MAX_SAFE_INTEGER)).toBe(0);
  });
});
