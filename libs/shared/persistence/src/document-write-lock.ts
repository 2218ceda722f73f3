import { mongo } from 'mongoose';
import { DocumentWriteLeases, WRITE_LEASES_COLLECTION, WriteLeaseDocument } from './write-lease/document-write-leases';

/** What names a collection, on the driver's collection and on mongoose's alike. */
export interface CollectionName {
  collectionName: string;
  dbName?: string;
  /** The driver's collection: its client. */
  client?: mongo.MongoClient;
  /** Mongoose's collection: its connection. */
  conn?: { name?: string; getClient?: () => mongo.MongoClient };
}

/** `<database>.<collection>`, the same for mongoose's collection and the driver's. */
export function collectionNamespace(collection: CollectionName): string {
  // mongoose's collection has no dbName (nor, before it connects, a namespace); its connection names the database.
  return `${collection.dbName ?? collection.conn?.name ?? ''}.${collection.collectionName}`;
}

/**
 * Runs the updates of a document one at a time: within this process by a queue per document, and across
 * processes, where the server needs it, by a lease per document (DocumentWriteLeases).
 *
 * FerretDB 1.x applies an update by reading the document, changing it in memory and writing all of it
 * back, holding nothing in between (FerretDB issue 3040). Two updates of one document at once can
 * therefore lose one of them, conditional or not: the outbox relay marking events sent could put back the
 * version a writer had just replaced, or two replicas could both write version 5 over version 4. MongoDB
 * applies each update atomically and needs neither; there the queue costs a map lookup and no lease is
 * taken (docs/ARCHITECTURE.md, "Consistency").
 */
export class DocumentWriteLock {
  private static readonly byNamespace = new Map<string, DocumentWriteLock>();

  /** The lock shared by every writer of `collection` in this process, whether it holds the driver's collection or mongoose's. */
  static of(collection: CollectionName): DocumentWriteLock {
    const namespace = collectionNamespace(collection);
    let lock = DocumentWriteLock.byNamespace.get(namespace);
    if (!lock) {
      lock = new DocumentWriteLock(() => leasesFor(collection));
      DocumentWriteLock.byNamespace.set(namespace, lock);
    }
    return lock;
  }

  private leases: Promise<DocumentWriteLeases | undefined> | undefined;

  /**
   * @param leasesOf the cross-process leases of the collection, or undefined where updates are atomic;
   *   asked once, at the first update (the connection is open by then). Without it, the lock holds
   *   within this process only.
   */
  constructor(private readonly leasesOf: () => Promise<DocumentWriteLeases | undefined> = async () => undefined) {}

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
      const leases = await this.resolveLeases();
      return await (leases ? leases.hold(unique, update) : update());
    } finally {
      release();
      for (const id of unique) if (this.tails.get(id) === settled) this.tails.delete(id);
    }
  }

  /** The leases, asked for once; a failed answer (the server unreachable) is asked again at the next update. */
  private resolveLeases(): Promise<DocumentWriteLeases | undefined> {
    this.leases ??= this.leasesOf().catch((error: unknown) => {
      this.leases = undefined;
      throw error;
    });
    return this.leases;
  }

  /** Documents with an update queued or under way (empty when idle: nothing is kept per document). */
  get busyDocuments(): number {
    return this.tails.size;
  }
}

/** Whether each client's server needs leases (FerretDB, whose updates are not atomic), asked once per client. */
const needsLeases = new WeakMap<mongo.MongoClient, Promise<boolean>>();

/** The leases of `collection`'s database, or undefined when its server applies each update atomically. */
async function leasesFor(collection: CollectionName): Promise<DocumentWriteLeases | undefined> {
  const client = collection.client ?? collection.conn?.getClient?.();
  const databaseName = collection.dbName ?? collection.conn?.name;
  if (!client || !databaseName) return undefined;
  let ferretDb = needsLeases.get(client);
  if (!ferretDb) {
    // FerretDB names itself in buildInfo; MongoDB has no such field.
    ferretDb = client
      .db('admin')
      .command({ buildInfo: 1 })
      .then((info) => typeof info['ferretdbVersion'] === 'string')
      .catch((error: unknown) => {
        needsLeases.delete(client);
        throw error;
      });
    needsLeases.set(client, ferretDb);
  }
  if (!(await ferretDb)) return undefined;
  return new DocumentWriteLeases(client.db(databaseName).collection<WriteLeaseDocument>(WRITE_LEASES_COLLECTION), collection.collectionName);
}
