import { OUTBOX_LEASE_MS, isDuplicateKeyError } from '@itsm/persistence';
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
 * The SLA sweep's outbox of warnings and breaches (`sla_firings`). Inserts and deletes only: a firing document
 * is never updated, so no write lease (`DocumentWriteLock`) is taken for it even on FerretDB, whose updates are
 * not atomic but whose inserts are (its unique `_id`).
 */
@Injectable()
export class SlaFiringRepository {
  constructor(@InjectModel(SlaFiringRecord.name) private readonly firings: Model<SlaFiringRecord>) {}

  /**
   * Inserts `firings` (unordered, in commands of SLA_FIRING_INSERT_BATCH), each under the lease of the caller
   * until `now` + SLA_FIRING_LEASE_MS (wall clock: the lease is about the process, not SLA time). One already
   * there (another sweep computed it, or an earlier pass that did not publish it) stays as it is.
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
        if (!(error instanceof mongo.MongoBulkWriteError) || !([] as mongo.WriteError[]).concat(error.writeErrors).every(isDuplicateKeyError)) throw error;
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

  /** Ids of up to `limit` firings whose lease ran out by `now` (their sweep crashed, lost its race or failed): for the recovery. */
  async lapsed(now: Date, limit: number): Promise<string[]> {
    const found = await this.firings.collection.find<{ _id: string }>({ leaseUntil: { $lt: now } }, { projection: { _id: 1 }, limit }).toArray();
    return found.map((firing) => firing._id);
  }

  find(id: string): Promise<SlaFiringRecord | null> {
    return this.firings.collection.findOne<SlaFiringRecord>({ _id: id as never });
  }
}
