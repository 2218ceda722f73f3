/**
 * Money as integer minor units (cents, 2 decimals) of the one platform
 * currency. Integers keep every sum exact; the guards below keep every figure
 * within Number.MAX_SAFE_INTEGER, beyond which integers stop being exact.
 */

/**
 * A decimal amount as entered or stored as text: optional minus, 1–13 integer
 * digits, optional 1–2 decimals. 13 digits keep the largest value
 * (9 999 999 999 999.99) safe as cents. Leading zeros ("01") are accepted:
 * they are unambiguous and harmless.
 */
export const MONEY_PATTERN = /^-?\d{1,13}(\.\d{1,2})?$/;

/** Whether `value` is a whole number of cents that JavaScript numbers represent exactly. */
export function isSafeCents(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

/** `value` itself if it is safe cents; a RangeError naming `what` otherwise. */
export function assertSafeCents(value: number, what = 'amount'): number {
  if (!isSafeCents(value)) throw new RangeError(`${what} must be a safe integer number of cents, got ${value}`);
  return value;
}

/**
 * `a + b` in cents, refusing a result beyond the safe range. Checking each
 * step suffices: a sum past 2^53 rounds to an unsafe value rather than a safe one.
 */
export function addCents(a: number, b: number): number {
  return assertSafeCents(assertSafeCents(a) + assertSafeCents(b), 'sum');
}

/** `cents * factor` (factor an integer, e.g. a unit count), refusing an unsafe result. */
export function multiplyCents(cents: number, factor: number): number {
  assertSafeCents(cents);
  if (!Number.isSafeInteger(factor)) throw new RangeError(`factor must be a safe integer, got ${factor}`);
  // An exact product within the safe range is computed exactly; a larger one comes out unsafe.
  return zeroNotNegative(assertSafeCents(cents * factor, 'product'));
}

/** Cents of a decimal amount ("1250.5" → 125050), or `undefined` if it does not match MONEY_PATTERN. */
export function parseMoney(text: string): number | undefined {
  if (!MONEY_PATTERN.test(text)) return undefined;
  const negative = text.startsWith('-');
  // Split on the dot instead of multiplying a float: "0.29" * 100 is 28.999999999999996.
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative && cents !== 0 ? -cents : cents;
}

/** The amount as a plain decimal with exactly two decimals: 125050 → "1250.50", -5 → "-0.05". */
export function formatMoney(cents: number): string {
  assertSafeCents(cents);
  const magnitude = Math.abs(cents);
  const whole = Math.floor(magnitude / 100);
  const fraction = String(magnitude % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${whole}.${fraction}`;
}

/** -0 equals 0 but prints and compares (Object.is) differently; results never carry it. */
export function zeroNotNegative(value: number): number {
  return value === 0 ? 0 : value;
}
