import { assertSafeCents, zeroNotNegative } from './money';

/**
 * `part / whole × 100`, rounded half away from zero to 2 decimals (the way
 * finance reports round: 1.665 → 1.67, −1.665 → −1.67), or `null` when `whole`
 * is 0 (no meaningful percentage). Rounding is done on exact integers (BigInt),
 * so there is no binary-float drift at the .xx5 boundary; the result is the
 * double nearest the rounded decimal.
 */
export function percentOf(part: number, whole: number): number | null {
  assertSafeCents(part, 'part');
  assertSafeCents(whole, 'whole');
  if (whole === 0) return null;
  const numerator = BigInt(Math.abs(part)) * 10_000n; // hundredths of a percent
  const denominator = BigInt(Math.abs(whole));
  const hundredths = (2n * numerator + denominator) / (2n * denominator);
  const sign = part < 0 !== whole < 0 ? -1 : 1;
  return zeroNotNegative((sign * Number(hundredths)) / 100);
}
