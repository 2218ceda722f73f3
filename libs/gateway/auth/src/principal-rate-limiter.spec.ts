import { PrincipalRateLimiter, RequestBudgetSpentError } from './principal-rate-limiter';

describe('PrincipalRateLimiter', () => {
  const minute = Date.parse('2026-11-24T10:00:00.000Z');

  it('allows the budget, then refuses with the seconds left in the window', () => {
    const limiter = new PrincipalRateLimiter(2);
    limiter.take('alice', minute + 1_000);
    limiter.take('alice', minute + 2_000);
    try {
      limiter.take('alice', minute + 20_000);
      throw new Error('expected the budget to be spent');
    } catch (error) {
      expect(error).toBeInstanceOf(RequestBudgetSpentError);
      expect((error as RequestBudgetSpentError).retryAfterSeconds).toBe(40);
    }
  });

  it('keeps users apart and starts afresh each minute', () => {
    const limiter = new PrincipalRateLimiter(1);
    limiter.take('alice', minute);
    expect(() => limiter.take('bob', minute)).not.toThrow();
    expect(() => limiter.take('alice', minute + 59_999)).toThrow(RequestBudgetSpentError);
    expect(() => limiter.take('alice', minute + 60_000)).not.toThrow();
  });
});
