import { TooManyRequestsException } from '@itsm/service-runtime';

const WINDOW_MS = 60_000;

/**
 * Requests per minute per authenticated user, per gateway replica (fixed
 * windows, in memory). Complements the per-address limit, which cannot tell
 * apart many users behind one proxy or one user spread over many addresses.
 */
export class PrincipalRateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(private readonly perMinute: number) {}

  /** Counts one request for the user; throws 429 once the budget of the current minute is spent. */
  take(userId: string, now = Date.now()): void {
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now - (now % WINDOW_MS);
      this.counts = new Map();
    }
    const used = (this.counts.get(userId) ?? 0) + 1;
    this.counts.set(userId, used);
    if (used > this.perMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - now) / 1000));
      throw new TooManyRequestsException(`more than ${this.perMinute} requests a minute for this user`, retryAfterSeconds);
    }
  }
}
