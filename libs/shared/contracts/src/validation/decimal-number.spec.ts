import { CapacityTargetV1 } from '../design/messages/service-definition-fields.v1';
import { validatePlain } from './validate-plain';
import { isDecimalNumber } from './decimal-number';

describe('isDecimalNumber (at most 3 decimals)', () => {
  it.each([
    [99.999, true],
    [50, true],
    [1.5, true],
    [1e21, true],
    [5e-324, false],
    [1e-7, false],
    [99.9999, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    ['99.9', false],
    [null, false],
  ])('%p → %p', (value, expected) => {
    expect(isDecimalNumber(value, 3)).toBe(expected);
  });
});

describe('a contract field with at most 3 decimals (the reproducer: 1e-7 made class-validator throw, a 500)', () => {
  it.each([5e-324, 1e-7, 0.0001])('refuses limit %p with a 400 issue naming it, instead of throwing', (limit) => {
    const result = validatePlain(CapacityTargetV1, { metric: 'concurrent_users', unit: 'users', limit, warnAtPercent: 80 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.field)).toContain('limit');
  });

  it('accepts 5000.125', () => {
    expect(validatePlain(CapacityTargetV1, { metric: 'concurrent_users', unit: 'users', limit: 5000.125, warnAtPercent: 80 }).ok).toBe(true);
  });
});
