import { FISCAL_PERIOD_PATTERN, MONEY_AMOUNT_PATTERN } from '@itsm/contracts/strategy';
import { PERIOD_PATTERN } from './fiscal-period';
import { MONEY_PATTERN } from './money';

/** The contracts cannot import the finance domain, so they repeat its patterns; they must not drift apart. */
describe('finance patterns in the contracts', () => {
  it('are the finance domain patterns', () => {
    expect(MONEY_AMOUNT_PATTERN.source).toBe(MONEY_PATTERN.source);
    expect(FISCAL_PERIOD_PATTERN.source).toBe(PERIOD_PATTERN.source);
  });
});
