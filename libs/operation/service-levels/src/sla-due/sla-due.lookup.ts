import { DueSlotReader, DueSlotWalkShape, SlotEntry } from '@itsm/service-runtime';
import { mongo } from 'mongoose';

/**
 * The slot walk of every SLA sweep's lookup (incidents' and requests'): at most 60 slots (10 minutes of due
 * instants) per pass, each an indexed equality; the range lookup as catch-up at the start and every 5 minutes (on
 * FerretDB it reads every ticking record), and in the pass when the walk is more than an hour behind (the process
 * stood still).
 */
export const SLA_DUE_SLOT_WALK: DueSlotWalkShape = { maxSlotsPerPass: 60, catchUpMs: 5 * 60_000, restartAfterMs: 60 * 60_000 };

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
