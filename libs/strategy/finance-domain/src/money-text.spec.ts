import { canonicalMoney, storedCents } from './money-text';

describe('amounts as text', () => {
  it.each([
    ['1250.5', '1250.50'],
    ['007', '7.00'],
    ['-0.05', '-0.05'],
    ['-0', '0.00'],
  ])('keeps %s as %s', (text, canonical) => {
    expect(canonicalMoney(text, 'amount')).toBe(canonical);
  });

  it.each(['12.345', '1,50', '', 'ten'])('refuses %p with a rule violation naming the field', (text) => {
    expect(() => canonicalMoney(text, 'items.2.rate')).toThrow(
      expect.objectContaining({ name: 'RuleViolationError', issues: [{ field: 'items.2.rate', messages: ['items.2.rate must be a decimal amount with at most 2 decimals'] }] }),
    );
  });

  it.each([
    ['3000.00', 300_000],
    ['-250.40', -25_040],
  ])('reads the stored amount %s as %d cents', (text, cents) => {
    expect(storedCents(text)).toBe(cents);
  });

  it('fails loudly on a stored amount that is no amount', () => {
    expect(() => storedCents('12,50')).toThrow('stored amount "12,50" is not an amount');
  });
});
