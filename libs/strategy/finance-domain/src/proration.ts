import { endOf, MonthRange } from './fiscal-period';
import { assertSafeCents, zeroNotNegative } from './money';

/**
 * The part of `amountCents`, spread evenly over the months of `spread`, that
 * falls inside `window` (0 when they share no month).
 *
 * Cumulative floor allocation: with n months and the window covering spread
 * months [a, b), the share is floor(A·b/n) − floor(A·a/n). The shares of any
 * partition of `spread` therefore telescope to exactly A — twelve monthly
 * shares of an annual budget add up to the budget, cent for cent — and
 * 1000 cents over 3 months gives 333, 333, 334 (the odd cent lands late).
 * Negative amounts mirror positive ones, so a credit prorates like a charge.
 */
export function prorate(amountCents: number, spread: MonthRange, window: MonthRange): number {
  assertSafeCents(amountCents);
  const n = spread.months;
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`spread must cover at least one month, got ${n}`);
  if (amountCents < 0) return zeroNotNegative(-prorate(-amountCents, spread, window));

  const a = Math.max(window.firstMonth, spread.firstMonth) - spread.firstMonth;
  const b = Math.min(endOf(window), endOf(spread)) - spread.firstMonth;
  if (b <= a) return 0;
  if (amountCents * n <= Number.MAX_SAFE_INTEGER) {
    // A·b and A·a are exact here, and flooring their quotient by n is exact too.
    return Math.floor((amountCents * b) / n) - Math.floor((amountCents * a) / n);
  }
  const [amount, big] = [BigInt(amountCents), BigInt(n)];
  return Number((amount * BigInt(b)) / big - (amount * BigInt(a)) / big);
}
