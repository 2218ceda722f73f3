/**
 * Polls until `probe` returns a value that `accept` likes, for async flows
 * with no completion signal (a message consumed, a document written).
 * Fails with the last value seen, so a red test says what it found.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = 15_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError === undefined ? JSON.stringify(last) : String(lastError);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen?.slice(0, 500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
