import { DueSlotReader, SlotEntry } from '@itsm/service-runtime';
import { mongo } from 'mongoose';

/**
 * What an SLA sweep finds due in a collection of records with clocks (StoredSlaDue fields): the `DueSlotReader`
 * of its `DueSlotWalk`, by the indexed `slaDueSlot` (one equality per slot) and, as catch-up, by the range on
 * `slaNextDueAt` after the equality on `slaTicking` (on FerretDB a read of every ticking record).
 */
export class SlaDueLookup implements DueSlotReader {
  constructor(private readonly records: mongo.Collection) {}

  /** The records whose next SLA warning or breach falls in the due slot `slot` (a `dueSlotOf` key), with that instant in epoch ms. */
  async inSlot(slot: string): Promise<SlotEntry[]> {
    const found = await this.records.find<{ _id: string; slaNextDueAt?: Date }>({ slaDueSlot: slot }, { projection: { _id: 1, slaNextDueAt: 1 } }).toArray();
    return found.filter((record) => record.slaNextDueAt !== undefined).map((record) => ({ id: record._id, dueAt: (record.slaNextDueAt as Date).getTime() }));
  }

  /** Ids of up to `limit` records whose next SLA warning or breach is due at or before `now`, earliest first. */
  async overdue(now: Date, limit: number): Promise<string[]> {
    const found = await this.records.find<{ _id: string }>({ slaTicking: true, slaNextDueAt: { $lte: now } }, { projection: { _id: 1 }, sort: { slaNextDueAt: 1 }, limit }).toArray();
    return found.map((record) => record._id);
  }
}
