/** Equality reads in flight at once for one caller: enough to hide round trips, few enough to leave the connection pool to others. */
export const EQUALITY_READS_IN_FLIGHT = 32;

/**
 * `read` for each of `keys`, at most EQUALITY_READS_IN_FLIGHT at once, results in the keys' order.
 * Why not one `$in` query: FerretDB 1.x pushes down only `$eq` on top-level fields, so `$in` reads the
 * whole collection, while an equality on an indexed field reads one index entry (docs/ARCHITECTURE.md,
 * "Persistence"); the cost then follows the keys asked for, not the collection.
 */
export async function readEach<TKey, TResult>(keys: readonly TKey[], read: (key: TKey) => Promise<TResult>): Promise<TResult[]> {
  const results = new Array<TResult>(keys.length);
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const index = next++;
      results[index] = await read(keys[index] as TKey);
    }
  };
  await Promise.all(Array.from({ length: Math.min(EQUALITY_READS_IN_FLIGHT, keys.length) }, worker));
  return results;
}
