import { REPLAY_CLOCK_SKEW_MS, ReplayCoverage } from './replay';

const T = Date.parse('2026-12-01T10:00:00.000Z');
const request = (sentAt: number, replyTo = 'itsm.operation.events') => ({ time: new Date(sentAt).toISOString(), data: { replyTo } });

/** A coverage whose clock reads `now()`, and a replay that counts its runs. */
function coverageAt(start: number) {
  let now = start;
  const coverage = new ReplayCoverage(() => now);
  let runs = 0;
  const replay = () => {
    runs += 1;
    return Promise.resolve(3);
  };
  return { coverage, replay, runs: () => runs, at: (instant: number) => (now = instant) };
}

describe('ReplayCoverage: a replay answers the requests sent before it started', () => {
  it.each([
    ['sent well before the last replay started', T - 60_000, true],
    ['sent just by the clock skew before it started', T - REPLAY_CLOCK_SKEW_MS, true],
    ['sent within the clock skew of its start', T - REPLAY_CLOCK_SKEW_MS + 1, false],
    ['sent after it started', T + 1, false],
  ])('a request %s (at %d): covered %s', async (_case, sentAt, covered) => {
    const { coverage, replay } = coverageAt(T);
    await coverage.answer(request(T - 120_000), replay);
    expect(coverage.covers(request(sentAt))).toBe(covered);
  });

  it('sends the first request whole, then none of the requests sent before it started, then a later one whole again', async () => {
    const { coverage, replay, runs, at } = coverageAt(T);
    expect(await coverage.answer(request(T - 30_000), replay)).toBe(3);
    // Instances started together: their requests waited in the queue while the first was answered.
    at(T + 60_000);
    expect(await coverage.answer(request(T - 29_000), replay)).toBe(0);
    expect(await coverage.answer(request(T - 28_000), replay)).toBe(0);
    expect(runs()).toBe(1);
    expect(await coverage.answer(request(T + 30_000), replay)).toBe(3);
    expect(runs()).toBe(2);
  });

  it('covers a request to another queue with nothing, and a failed replay covers nothing', async () => {
    const { coverage, replay, at } = coverageAt(T);
    await coverage.answer(request(T - 30_000), replay);
    expect(coverage.covers(request(T - 30_000, 'itsm.other.events'))).toBe(false);
    at(T + 60_000);
    await expect(coverage.answer(request(T + 10_000, 'itsm.other.events'), () => Promise.reject(new Error('broker gone')))).rejects.toThrow('broker gone');
    expect(coverage.covers(request(T - 30_000, 'itsm.other.events'))).toBe(false);
  });

  it('never covers a request whose time cannot be read', async () => {
    const { coverage, replay } = coverageAt(T);
    await coverage.answer(request(T - 30_000), replay);
    expect(coverage.covers({ time: 'not a time', data: { replyTo: 'itsm.operation.events' } })).toBe(false);
  });
});
