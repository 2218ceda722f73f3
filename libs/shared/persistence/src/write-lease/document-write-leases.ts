import { DependencyUnavailableError } from '@itsm/contracts';
import { randomUUID } from 'node:crypto';
import { mongo } from 'mongoose';
import { isDuplicateKeyError } from '../mongo-errors';

/** The collection, in each service's own database, that holds the leases of documents being updated. */
export const WRITE_LEASES_COLLECTION = 'document_write_leases';

/** A lease as stored: `_id` is `<collection>|<document id>`. */
export interface WriteLeaseDocument {
  _id: string;
  /** Who holds it: one value per acquisition, so only its holder releases it. */
  holder: string;
  /** After this a holder is presumed dead (a crashed process) and the lease may be taken over. */
  until: Date;
}

export interface WriteLeaseOptions {
  /** How long a lease holds without its holder, in ms: far above one update's round trips. */
  leaseMs: number;
  /** How long to wait for a busy document before giving up with DependencyUnavailableError, in ms. */
  waitMs: number;
}

export const WRITE_LEASE_DEFAULTS: WriteLeaseOptions = { leaseMs: 15_000, waitMs: 10_000 };

/**
 * Makes the updates of a document one at a time across processes, on servers whose updates are not
 * atomic.
 *
 * FerretDB 1.x applies an update by reading the document, changing it in memory and writing all of it
 * back (FerretDB issue 3040), so two processes updating one document at once can lose one update even
 * with a version guard: both read version 4, both find it current, both write version 5. Inserts are
 * atomic there (PostgreSQL's unique index on `_id`), so a lease is a document inserted under the
 * updated document's name before the update and deleted after it: a second writer's insert fails and it
 * waits. A lease whose holder died (a crash between insert and delete) is taken over once `leaseMs` has
 * passed. On MongoDB, where each update is atomic, DocumentWriteLock does not use leases at all.
 *
 * Known limit, as for every lease without a fencing token: a holder that stalls for longer than
 * `leaseMs` between taking its lease and finishing its update (a process frozen for 15 s) can overlap
 * with the writer that took the lease over.
 */
export class DocumentWriteLeases {
  constructor(
    private readonly leases: mongo.Collection<WriteLeaseDocument>,
    /** The updated collection's name: leases of every collection of a database share one collection. */
    private readonly collectionName: string,
    private readonly options: WriteLeaseOptions = WRITE_LEASE_DEFAULTS,
  ) {}

  /**
   * Runs `update` while holding the lease of every one of `ids`, and releases them after it settled.
   * All leases are taken at once or none is kept (a writer never holds some while waiting for others,
   * so two writers of overlapping sets cannot deadlock). Throws DependencyUnavailableError (retryable)
   * when a document stays busy for `waitMs`.
   */
  async hold<T>(ids: readonly string[], update: () => Promise<T>): Promise<T> {
    const names = [...new Set(ids)].map((id) => `${this.collectionName}|${id}`);
    if (names.length === 0) return update();
    const holder = randomUUID();
    await this.acquire(names, holder);
    try {
      return await update();
    } finally {
      // A failed release leaves the lease to expire: others wait longer, nothing is lost.
      await this.leases.deleteMany({ _id: { $in: names }, holder }).catch(() => undefined);
    }
  }

  private async acquire(names: string[], holder: string): Promise<void> {
    const deadline = Date.now() + this.options.waitMs;
    for (let attempt = 0; ; attempt += 1) {
      const until = new Date(Date.now() + this.options.leaseMs);
      const taken = await this.insertAll(names, holder, until);
      if (taken.length === names.length) return;
      if (taken.length > 0) await this.leases.deleteMany({ _id: { $in: taken }, holder });
      const busy = names.filter((name) => !taken.includes(name));
      await this.takeOverExpired(busy);
      if (Date.now() >= deadline) {
        throw new DependencyUnavailableError(`${busy.join(', ')} stayed busy with another writer for ${this.options.waitMs} ms`);
      }
      // Updates take milliseconds: start retrying at once, then back off with jitter up to 50 ms.
      await pause(Math.min(50, 2 ** attempt) * (0.5 + Math.random()));
    }
  }

  /** The names whose lease this call inserted. */
  private async insertAll(names: string[], holder: string, until: Date): Promise<string[]> {
    try {
      await this.leases.insertMany(
        names.map((_id) => ({ _id, holder, until })),
        { ordered: false },
      );
      return names;
    } catch (error) {
      // Only "already leased" is expected here; anything else is a real failure.
      if (!(error instanceof mongo.MongoBulkWriteError) || !writeErrorsOf(error).every(isDuplicateKeyError)) throw error;
      // Which ones went in is read back rather than taken from the error's indexes, which servers report
      // differently for unordered inserts.
      const mine = await this.leases.find({ _id: { $in: names }, holder }, { projection: { _id: 1 } }).toArray();
      return mine.map((lease) => lease._id);
    }
  }

  /** Deletes the leases among `names` whose holder is presumed dead, each only if still held by that holder. */
  private async takeOverExpired(names: string[]): Promise<void> {
    const expired = await this.leases.find({ _id: { $in: names }, until: { $lt: new Date() } }).toArray();
    for (const lease of expired) {
      await this.leases.deleteOne({ _id: lease._id, holder: lease.holder });
    }
  }
}

/** The driver gives one write error or several. */
function writeErrorsOf(error: mongo.MongoBulkWriteError): mongo.WriteError[] {
  return ([] as mongo.WriteError[]).concat(error.writeErrors);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
