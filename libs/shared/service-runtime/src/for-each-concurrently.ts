/**
 * Runs `work` on every item with at most `limit` running at once (items taken in order as slots free up),
 * and resolves when all have settled. A rejection of `work` rejects the whole run after the running ones
 * settle; callers that must go on past one item's failure catch inside `work`.
 *
 * Why bounded: the sweeps and the re-plan run many small database round trips; a few at once use both
 * the database's and this process's idle time, all at once would crowd out the requests the same
 * connection pool serves.
 */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next; index < items.length; index = next) {
      next += 1;
      await work(items[index] as T);
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
