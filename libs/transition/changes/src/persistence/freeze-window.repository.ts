import { NEWEST_FIRST, OutboxRelays, VersionedDocumentStore, VersionedRecord } from '@itsm/persistence';
import { FreezeWindow, TimeWindow } from '@itsm/transition/change-domain';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { FreezeWindowRecord } from './freeze-window.schema';

/** A freeze as stored: the domain's freeze without its id, with the reason it was declared. */
export type FreezeWindowFields = Omit<FreezeWindow, 'freezeId'> & { readonly reason: string };
export type StoredFreezeWindow = VersionedRecord<FreezeWindowFields>;

export function freezeOf(record: StoredFreezeWindow): FreezeWindow {
  return { freezeId: record._id, name: record.name, window: record.window, itemIds: record.itemIds };
}

/** Freeze (blackout) windows, versioned. */
@Injectable()
export class FreezeWindowRepository extends VersionedDocumentStore<FreezeWindowFields> {
  constructor(@InjectModel(FreezeWindowRecord.name) freezes: Model<FreezeWindowRecord>, relays: OutboxRelays) {
    super(freezes.collection, relays);
  }

  /** Freezes overlapping `window` (half-open), by start. Few by nature (a handful a year), so no index is needed. */
  async overlapping(window: TimeWindow): Promise<StoredFreezeWindow[]> {
    const found = await this.query({ 'window.start': { $lt: window.end }, 'window.end': { $gt: window.start } }, NEWEST_FIRST);
    return found.sort((a, b) => a.window.start.getTime() - b.window.start.getTime());
  }
}
