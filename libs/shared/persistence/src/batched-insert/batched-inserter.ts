import { mongo } from 'mongoose';

interface QueuedInsert {
  document: mongo.Document;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Inserts the documents handed to it in the same turn of the event loop with one unordered `insertMany`
 * (at most `maxBatch` a statement), and settles each caller as its own `insertOne` would: resolved when
 * its document was stored, rejected with its own error (a duplicate key, a value the store refuses) when
 * not. A document handed over alone is inserted with `insertOne`.
 *
 * Why: on FerretDB 1.24 with PostgreSQL an insert costs about the same whether it carries one document
 * or dozens (measured: 20 writers, incident documents, 2,000–2,900 documents/s one at a time, 7,600–9,000
 * in batches of 8, 12,300–12,900 in batches of 32; docs/BENCHMARKS.md), and a consumer handling a
 * prefetch of messages concurrently hands over many at once. Inserts are atomic per document on every
 * MongoDB-wire server, so a batch changes nothing a reader can see but the order of `_id`-less writes.
 *
 * A batch that fails: when the server's bulk write error accounts for every document (the documents it
 * lists were not stored, and it counts all the others as inserted), the listed ones are inserted again
 * alone, so each caller gets the error a single insert gets, and the others are stored. Otherwise
 * (another failure: the connection, the server, a count that does not add up) which documents were
 * stored is not known: each is inserted again alone, and one the batch stored reports a duplicate key,
 * which callers inserting under a unique id already take as "stored by an earlier attempt" (intake does).
 */
export class BatchedInserter {
  private queued: QueuedInsert[] = [];
  private flushScheduled = false;

  constructor(
    private readonly collection: mongo.Collection,
    private readonly maxBatch = 64,
  ) {}

  /** Stores `document`; resolves once stored, rejects with the error an `insertOne` of it alone gives. */
  insert(document: mongo.Document): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ document, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const queued = this.queued;
    this.queued = [];
    for (let start = 0; start < queued.length; start += this.maxBatch) void this.insertBatch(queued.slice(start, start + this.maxBatch));
  }

  private async insertBatch(batch: readonly QueuedInsert[]): Promise<void> {
    if (batch.length === 1) return this.insertAlone(batch[0] as QueuedInsert);
    let failedAlone: (index: number) => boolean;
    try {
      await this.collection.insertMany(
        batch.map((entry) => entry.document),
        { ordered: false },
      );
      failedAlone = () => false;
    } catch (error) {
      const notStored = notStoredOf(error, batch.length);
      failedAlone = notStored === undefined ? () => true : (index) => notStored.has(index);
    }
    const again = batch.filter((entry, index) => {
      if (failedAlone(index)) return true;
      entry.resolve();
      return false;
    });
    await Promise.all(again.map((entry) => this.insertAlone(entry)));
  }

  private async insertAlone(entry: QueuedInsert): Promise<void> {
    try {
      await this.collection.insertOne(entry.document);
      entry.resolve();
    } catch (error) {
      entry.reject(error);
    }
  }
}

/** The indexes of the documents an unordered batch of `size` did not store, when its error accounts for every one; else undefined. */
function notStoredOf(error: unknown, size: number): ReadonlySet<number> | undefined {
  if (!(error instanceof mongo.MongoBulkWriteError)) return undefined;
  const notStored = new Set([error.writeErrors].flat().map((writeError) => writeError.index));
  return error.insertedCount === size - notStored.size ? notStored : undefined;
}
