/**
 * Runs the updates of a document one at a time within this process.
 *
 * FerretDB 1.x applies an update by reading the document, changing it in
 * memory and writing all of it back, holding nothing in between (FerretDB
 * issue 3040). Two updates of one document at once can therefore lose one of
 * them, conditional or not: the outbox relay marking events sent could put
 * back the version a writer had just replaced. MongoDB applies each update
 * atomically and does not need this; there it costs a map lookup. Writers in
 * other processes are not covered (docs/ARCHITECTURE.md, "Consistency").
 */
/** What names a collection, on the driver's collection and on mongoose's alike. */
export interface CollectionName {
  collectionName: string;
  dbName?: string;
  conn?: { name?: string };
}

/** `<database>.<collection>`, the same for mongoose's collection and the driver's. */
export function collectionNamespace(collection: CollectionName): string {
  // mongoose's collection has no dbName (nor, before it connects, a namespace); its connection names the database.
  return `${collection.dbName ?? collection.conn?.name ?? ''}.${collection.collectionName}`;
}

export class DocumentWriteLock {
  private static readonly byNamespace = new Map<string, DocumentWriteLock>();

  /** The lock shared by every writer of `collection` in this process, whether it holds the driver's collection or mongoose's. */
  static of(collection: CollectionName): DocumentWriteLock {
    const namespace = collectionNamespace(collection);
    let lock = DocumentWriteLock.byNamespace.get(namespace);
    if (!lock) {
      lock = new DocumentWriteLock();
      DocumentWriteLock.byNamespace.set(namespace, lock);
    }
    return lock;
  }

  /** Per document id, the settlement of the last update queued for it. */
  private readonly tails = new Map<string, Promise<void>>();

  /**
   * Runs `update` once every update queued earlier for any of `ids` has settled,
   * and holds them all until it settles. Queueing is synchronous for all ids at
   * once, so callers holding several ids cannot deadlock each other.
   */
  async run<T>(ids: readonly string[], update: () => Promise<T>): Promise<T> {
    const unique = [...new Set(ids)];
    const earlier = unique.flatMap((id) => this.tails.get(id) ?? []);
    let release = (): void => undefined;
    const settled = new Promise<void>((resolve) => (release = resolve));
    for (const id of unique) this.tails.set(id, settled);
    try {
      await Promise.all(earlier);
      return await update();
    } finally {
      release();
      for (const id of unique) if (this.tails.get(id) === settled) this.tails.delete(id);
    }
  }

  /** Documents with an update queued or under way (empty when idle: nothing is kept per document). */
  get busyDocuments(): number {
    return this.tails.size;
  }
}
