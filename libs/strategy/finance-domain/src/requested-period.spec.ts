import { PERIOD_MESSAGE } from '@itsm/contracts/strategy';
import { periodIssue, requirePeriod } from './requested-period';

describe('a requested fiscal period', () => {
  it.each([
    ['2026', { firstMonth: 2026 * 12, months: 12 }],
    ['2026-Q2', { firstMonth: 2026 * 12 + 3, months: 3 }],
    ['2026-11', { firstMonth: 2026 * 12 + 10, months: 1 }],
  ])('%s is its months', (text, range) => {
    expect(requirePeriod(text)).toEqual(range);
  });

  it.each([undefined, '', '2026-Q5', '2026-13', '26'])('%p is refused, naming period', (text) => {
    expect(() => requirePeriod(text)).toThrow(expect.objectContaining({ name: 'RuleViolationError', issues: [periodIssue()] }));
  });

  it('says what a period looks like', () => {
    expect(periodIssue()).toEqual({ field: 'period', messages: [PERIOD_MESSAGE] });
  });
});
