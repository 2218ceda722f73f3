import { mongo } from 'mongoose';
import { DocumentWriteLock } from '../document-write-lock';
import { isDuplicateKeyError } from '../mongo-errors';

/** The `migrations` collection of a service's database: one document per completed backfill, `{ _id: <migration>, completedAt }`. */
export const MIGRATIONS_COLLECTION = 'migrations';

/** A field computed from what a document already holds, for the documents stored before the field existed. */
export interface FieldBackfill {
  /** The id of its `migrations` marker, e.g. `incidents.listBuckets`. */
  migration: string;
  /** The field to fill in where it is missing. */
  field: string;
  /** The stored fields `value` reads (besides `_id`). */
  reads: readonly string[];
  /** The field's value for a document (holding `_id` and `reads`). */
  value(document: mongo.Document): unknown;
  /**
   * Only the documents matching this filter (an equality, so FerretDB reads them through an index; e.g. the
   * incidents whose SLA clocks can fire), checked again in each update: a document that stopped matching
   * since it was read is left alone. Default: every document.
   */
  only?: mongo.Filter<mongo.Document>;
  /** Checked before each document: true stops the pass (the process is shutting down); it runs again at the next start. */
  stopped?(): boolean;
}

/**
 * Fills in `backfill.field` on every document (matching `backfill.only`) of `database`'s collection `collectionName` that lacks it, once per database: a pass
 * over the collection that ends with a marker in `migrations`, so later starts read one document and stop
 * (a pass reads every document: FerretDB cannot find a missing field through an index). Each update is
 * conditional on the field still missing, serialised with every other update of the document, in
 * this process and (on FerretDB) in others (`DocumentWriteLock`), and sets only that field. Documents an older version of the service stores after
 * the marker are not filled in: once no older version writes, delete the marker and restart.
 *
 * @returns how many documents it filled in; 0 when the marker was there; undefined when stopped before the end (no marker).
 */
export async function backfillField(database: mongo.Db, collectionName: string, backfill: FieldBackfill): Promise<number | undefined> {
  const collection = database.collection(collectionName);
  if (await migrationDone(database, backfill.migration)) return 0;
  const lock = DocumentWriteLock.of(collection);
  const projection = Object.fromEntries([backfill.field, ...backfill.reads].map((name) => [name, 1]));
  const only = backfill.only ?? {};
  const cursor = collection.find(only, { projection, batchSize: 1_000 });
  let filled = 0;
  try {
    for await (const document of cursor) {
      if (backfill.stopped?.()) return undefined;
      if (document[backfill.field] !== undefined) continue;
      const id = document._id as unknown;
      const updated = await lock.run([String(id)], () =>
        collection.updateOne({ ...only, _id: id, [backfill.field]: { $exists: false } } as mongo.Filter<mongo.Document>, { $set: { [backfill.field]: backfill.value(document) } }),
      );
      filled += updated.modifiedCount;
    }
  } finally {
    await cursor.close();
  }
  await markMigrationDone(database, backfill.migration);
  return filled;
}

/** Whether `migration`'s marker is in `database`'s `migrations` (the pass completed once). */
export async function migrationDone(database: mongo.Db, migration: string): Promise<boolean> {
  return (await database.collection<{ _id: string }>(MIGRATIONS_COLLECTION).findOne({ _id: migration })) !== null;
}

/** Leaves `migration`'s marker in `database`'s `migrations`: later starts skip its pass. */
export async function markMigrationDone(database: mongo.Db, migration: string): Promise<void> {
  try {
    await database.collection<{ _id: string; completedAt: Date }>(MIGRATIONS_COLLECTION).updateOne({ _id: migration }, { $setOnInsert: { completedAt: new Date() } }, { upsert: true });
  } catch (error) {
    // Another process finished the same pass at the same moment: FerretDB's upsert is no atomic insert, and
    // the second one's insert meets the first one's marker. The marker is there, which is all this wanted.
    if (!isDuplicateKeyError(error)) throw error;
  }
}
