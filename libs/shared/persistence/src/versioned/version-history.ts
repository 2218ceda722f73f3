import { Schema, mongo } from 'mongoose';
import { isDuplicateKeyError } from '../mongo-errors';

/** One version of another service's definition, as a read model keeps it. */
export type HistoryEntry<TFields extends object> = TFields & {
  /** `<id>:<version>`: a version is stored once, whoever delivers it how often. */
  _id: string;
  version: number;
  /** When this service first stored it. */
  receivedAt: Date;
};

/**
 * Adds what a VersionHistory collection stores beside the definition's own fields: its id under
 * `idField`, the version and when it was received, and the index on id and version its reads use.
 */
export function addVersionHistoryFields(schema: Schema, idField: string): void {
  schema.add({ [idField]: { type: String, required: true }, version: { type: Number, required: true }, receivedAt: { type: Date, required: true } });
  schema.index({ [idField]: 1, version: 1 });
}

/**
 * Every version seen of definitions another service owns and publishes whole with a version
 * (calendars, service levels), one document per version under `<id>:<version>`. Writes are inserts
 * only, atomic on MongoDB and FerretDB alike and safe from any number of processes: a redelivered
 * version hits its id and changes nothing, and the current version is the highest one stored, so an
 * older version arriving after a newer one is kept for records that started on it but never becomes
 * current. `idField` names the definition's id in each document (and must be indexed with `version`).
 */
export class VersionHistory<TFields extends object> {
  constructor(
    private readonly collection: mongo.Collection,
    private readonly idField: keyof TFields & string,
  ) {}

  /** Stores `fields` as version `version` of its definition; false when that version was already stored. */
  async add(fields: TFields & { version: number }, receivedAt: Date = new Date()): Promise<boolean> {
    const id = String(fields[this.idField]);
    try {
      await this.collection.insertOne({ ...fields, _id: `${id}:${fields.version}` as never, receivedAt });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Version `version` of definition `id`, or null when it never arrived. */
  async version(id: string, version: number): Promise<HistoryEntry<TFields> | null> {
    return this.collection.findOne<HistoryEntry<TFields>>({ _id: `${id}:${version}` as never });
  }

  /** The highest version of definition `id` stored, or null when none arrived. */
  async current(id: string): Promise<HistoryEntry<TFields> | null> {
    return (await this.currentWhere({ [this.idField]: id }))[0] ?? null;
  }

  /**
   * The highest stored version of every definition with a version matching `filter`, in no
   * particular order. Reads every matching version: meant for reference data, a few versions each.
   */
  async currentWhere(filter: mongo.Filter<mongo.Document> = {}): Promise<Array<HistoryEntry<TFields>>> {
    const versions = await this.collection.find<HistoryEntry<TFields>>(filter).toArray();
    const current = new Map<string, HistoryEntry<TFields>>();
    for (const entry of versions) {
      const id = String(entry[this.idField]);
      const seen = current.get(id);
      if (!seen || seen.version < entry.version) current.set(id, entry);
    }
    return [...current.values()];
  }
}
