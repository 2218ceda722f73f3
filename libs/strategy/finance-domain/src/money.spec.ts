import {
  addCents,
  assertSafeCents,
  formatMoney,
  isSafeCents,
  MONEY_PATTERN,
  multiplyCents,
  parseMoney,
  zeroNotNegative,
} from './money';

describe('money as integer cents', () => {
  it('parses decimal text exactly, without float multiplication', () => {
    expect(parseMoney('1250')).toBe(125_000);
    expect(parseMoney('1250.5')).toBe(125_050);
    expect(parseMoney('1250.50')).toBe(125_050);
    expect(parseMoney('0.29')).toBe(29); // 0.29 * 100 would be 28.999999999999996
    expect(parseMoney('1.15')).toBe(115);
    expect(parseMoney('-0.05')).toBe(-5);
    expect(parseMoney('-1250.5')).toBe(-125_050);
    expect(parseMoney('9999999999999.99')).toBe(999_999_999_999_999);
  });

  it('accepts leading zeros and never returns -0', () => {
    expect(parseMoney('01')).toBe(100);
    expect(parseMoney('007.5')).toBe(750);
    expect(Object.is(parseMoney('-0'), 0)).toBe(true);
    expect(Object.is(parseMoney('-0.00'), 0)).toBe(true);
  });

  it('rejects anything outside the pattern', () => {
    const bad = ['1.234', '', '-', '.5', '1.', '+1', '1,50', ' 1', '1 ', '1e3', '0x10', '--1', '1.5.0'];
    bad.push('12345678901234', '-12345678901234.00'); // 14 integer digits
    for (const text of bad) {
      expect(parseMoney(text)).toBeUndefined();
      expect(MONEY_PATTERN.test(text)).toBe(false);
    }
  });

  it('formats with exactly two decimals', () => {
    expect(formatMoney(125_050)).toBe('1250.50');
    expect(formatMoney(-5)).toBe('-0.05');
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(-0)).toBe('0.00');
    expect(formatMoney(7)).toBe('0.07');
    expect(formatMoney(-300_000)).toBe('-3000.00');
    expect(formatMoney(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    for (const text of ['0.00', '1250.50', '-0.05', '9999999999999.99', '-42.10']) {
      expect(formatMoney(parseMoney(text) as number)).toBe(text);
    }
  });

  it('refuses figures that are not exact integers', () => {
    expect(isSafeCents(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isSafeCents(-Number.MAX_SAFE_INTEGER)).toBe(true);
    for (const bad of [Number.MAX_SAFE_INTEGER + 1, 0.5, NaN, Infinity, '100', null]) {
      expect(isSafeCents(bad)).toBe(false);
    }
    expect(assertSafeCents(42)).toBe(42);
    expect(() => assertSafeCents(1.5, 'budget')).toThrow(/budget must be a safe integer/);
    expect(() => formatMoney(12.5)).toThrow(RangeError);
  });

  it('adds and multiplies within the safe range only', () => {
    expect(addCents(125_050, -5)).toBe(125_045);
    expect(addCents(Number.MAX_SAFE_INTEGER - 1, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => addCents(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => addCents(-Number.MAX_SAFE_INTEGER, -2)).toThrow(RangeError);
    expect(multiplyCents(1_999, 3)).toBe(5_997);
    expect(Object.is(multiplyCents(-1_999, 0), 0)).toBe(true);
    expect(() => multiplyCents(2 ** 30, 2 ** 30)).toThrow(RangeError);
    expect(() => multiplyCents(100, 1.5)).toThrow(RangeError);
    expect(Object.is(zeroNotNegative(-0), 0)).toBe(true);
  });
});
