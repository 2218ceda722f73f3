import { OUTBOX_LEASE_MS, boundedBulkWrite, isDuplicateKeyError } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { SlaFiringRecord } from './sla-firing.schema';

/** Firings per insert command: on FerretDB an insert of dozens of small documents costs about what one does. */
export const SLA_FIRING_INSERT_BATCH = 64;

/** How long the sweep that inserted a firing has to record and publish it before the recovery may settle it: the outbox's lease. */
export const SLA_FIRING_LEASE_MS = OUTBOX_LEASE_MS;

/** A firing to insert: the stored document without its lease (set at the insert). */
export type NewSlaFiring = Omit<SlaFiringRecord, 'leaseUntil'>;

/**
 * The SLA sweep's outbox of warnings and breaches (`sla_firings`). Inserts, whole replacements and deletes only:
 * a firing document is never updated field by field, so no write lease (`DocumentWriteLock`) is taken for it even
 * on FerretDB, whose updates are not atomic (two replacements at once leave one of them whole; a replacement
 * after a delete finds nothing) but whose inserts are (its unique `_id`).
 */
@Injectable()
export class SlaFiringRepository {
  constructor(@InjectModel(SlaFiringRecord.name) private readonly firings: Model<SlaFiringRecord>) {}

  /**
   * Inserts `firings` (unordered, in commands of SLA_FIRING_INSERT_BATCH), each under the lease of the caller
   * until `now` + SLA_FIRING_LEASE_MS (wall clock: the lease is about the process, not SLA time). One already
   * there (another sweep computed it, or an earlier pass that did not record or publish it) is replaced by
   * this computation, lease and event: kept as it was, its lease could run out while this caller records the
   * firing, so the recovery could delete it as unrecorded just before the record (and a failed publish would
   * then lose the event), and its event could be an earlier computation's (a clock held and resumed since
   * crosses the threshold at another instant). Replaced by id only, in bounded commands (`boundedBulkWrite`):
   * one deleted meanwhile stays deleted (its writer published it).
   *
   * @throws whatever the server answers but a duplicate key (the caller then records nothing: the next pass retries).
   */
  async insertNew(firings: readonly NewSlaFiring[], now = new Date()): Promise<void> {
    const leaseUntil = new Date(now.getTime() + SLA_FIRING_LEASE_MS);
    for (let start = 0; start < firings.length; start += SLA_FIRING_INSERT_BATCH) {
      const batch = firings.slice(start, start + SLA_FIRING_INSERT_BATCH).map((firing) => ({ ...firing, _id: firing._id as never, leaseUntil }));
      try {
        await this.firings.collection.insertMany(batch, { ordered: false });
      } catch (error) {
        const duplicates = error instanceof mongo.MongoBulkWriteError ? ([] as mongo.WriteError[]).concat(error.writeErrors) : [];
        if (duplicates.length === 0 || !duplicates.every(isDuplicateKeyError)) throw error;
        const replacements = duplicates.flatMap((duplicate) => batch[duplicate.index] ?? []);
        await boundedBulkWrite(
          this.firings.collection,
          replacements.map(({ _id, ...replacement }) => ({ replaceOne: { filter: { _id }, replacement } })),
        );
      }
    }
  }

  /**
   * Deletes the firings `ids` (published, or settled by the recovery). One `$in`, which FerretDB does not push
   * down: it reads the collection, which holds only the firings not yet published (as the write leases'
   * collection holds only the leases held).
   */
  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.firings.collection.deleteMany({ _id: { $in: ids as never[] } });
  }

  /**
   * Deletes the firing `id` unpublished if its lease is still out at `now` (the recovery's, for a firing its
   * incident did not record): a sweep that computed it again meanwhile renewed the lease (`insertNew`) and may
   * be recording it now, so it is that sweep's to publish or leave. Whether it deleted it.
   */
  async removeLapsed(id: string, now: Date): Promise<boolean> {
    return (await this.firings.collection.deleteOne({ _id: id as never, leaseUntil: { $lt: now } })).deletedCount === 1;
  }

  /** Ids of up to `limit` firings whose lease ran out by `now` (their sweep crashed, lost its race or failed): for the recovery. */
  async lapsed(now: Date, limit: number): Promise<string[]> {
    const found = await this.firings.collection.find<{ _id: string }>({ leaseUntil: { $lt: now } }, { projection: { _id: 1 }, limit }).toArray();
    return found.map((firing) => firing._id);
  }

  find(id: string): Promise<SlaFiringRecord | null> {
    return this.firings.collection.findOne<SlaFiringRecord>({ _id: id as never });
  }
}
