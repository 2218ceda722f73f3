const WINDOW_MS = 60_000;

/** A user has spent the request budget of the current window; the guard answers it 429 with Retry-After. */
export class RequestBudgetSpentError extends Error {
  override readonly name = 'RequestBudgetSpentError';

  constructor(
    message: string,
    /** Whole seconds (at least 1) until the next window starts and the budget is renewed. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * Requests per minute per authenticated user, per gateway replica (fixed
 * windows, in memory). Complements the per-address limit, which cannot tell
 * apart many users behind one proxy or one user spread over many addresses.
 * It knows nothing of HTTP: the AccessGuard turns its refusal into a 429.
 */
export class PrincipalRateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(private readonly perMinute: number) {}

  /**
   * Counts one request for the user; throws RequestBudgetSpentError (with the seconds left in the
   * window) once the budget of the current minute is spent, so a caller that forgets to check fails closed.
   */
  take(userId: string, now = Date.now()): void {
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now - (now % WINDOW_MS);
      this.counts = new Map();
    }
    const used = (this.counts.get(userId) ?? 0) + 1;
    this.counts.set(userId, used);
    if (used > this.perMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - now) / 1000));
      throw new RequestBudgetSpentError(`more than ${this.perMinute} requests a minute for this user`, retryAfterSeconds);
    }
  }
}
