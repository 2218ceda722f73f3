import { assertSafeCents, zeroNotNegative } from './money';
import { compareText } from './text-order';

/** One claimant of an allocation and its non-negative integer weight (e.g. units consumed). */
export interface AllocationWeight {
  key: string;
  weight: number;
}

/**
 * Splits `amountCents` across keys in proportion to their weights, exactly
 * (largest-remainder method): each key gets floor(A·w/W); the cents left over
 * (fewer than the number of keys) go one each to the largest remainders, ties
 * to the key that sorts first (code-unit order), so the result is deterministic
 * and independent of input order. Shares sum to exactly A. A negative amount is
 * split like its magnitude, negated.
 *
 * Every key appears in the result in input order (zero weight → 0). With total
 * weight 0 there is no basis for a split: the map is empty and the caller
 * reports the amount as unallocated.
 */
export function allocateByWeight(amountCents: number, weights: readonly AllocationWeight[]): Map<string, number> {
  assertSafeCents(amountCents);
  const seen = new Set<string>();
  for (const { key, weight } of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new RangeError(`weight of "${key}" must be a non-negative integer, got ${weight}`);
    }
    if (seen.has(key)) throw new RangeError(`duplicate allocation key "${key}"`);
    seen.add(key);
  }
  // BigInt throughout: A·w easily exceeds 2^53 (10 million euros × 10 million units).
  const total = weights.reduce((sum, { weight }) => sum + BigInt(weight), 0n);
  if (total === 0n) return new Map();

  const sign = amountCents < 0 ? -1 : 1;
  const amount = BigInt(Math.abs(amountCents));
  const parts = weights.map(({ key, weight }) => {
    const product = amount * BigInt(weight);
    return { key, share: product / total, remainder: product % total };
  });
  let leftover = amount - parts.reduce((sum, { share }) => sum + share, 0n);
  const byRemainder = [...parts].sort((x, y) =>
    x.remainder === y.remainder ? compareText(x.key, y.key) : x.remainder > y.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (leftover === 0n) break;
    part.share += 1n;
    leftover -= 1n;
  }
  return new Map(parts.map(({ key, share }) => [key, zeroNotNegative(sign * Number(share))]));
}
