import { ChangeState, ChangeType } from '@itsm/contracts/transition';
import { Page, PageRequest } from '@itsm/contracts';
import { CALENDAR_CHANGE_STATES, Change, TimeWindow } from '@itsm/transition/change-domain';
import { NEWEST_FIRST, OutboxRelays, VersionedDocumentStore, VersionedRecord, fieldsOf } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ChangeRecord } from './change.schema';

/** A change as the `changes` collection keeps it: the domain's change without what the store keeps itself (id, timestamps). */
export type ChangeFields = Omit<Change, 'changeId' | 'createdAt' | 'updatedAt'>;
export type StoredChange = VersionedRecord<ChangeFields>;

/** The domain's change from its stored record. */
export function changeOf(record: StoredChange): Change {
  return { ...fieldsOf(record), changeId: record._id, createdAt: record.createdAt, updatedAt: record.updatedAt };
}

/** What the store keeps of a domain change. */
export function changeFields({ changeId: _id, createdAt: _created, updatedAt: _updated, ...fields }: Change): ChangeFields {
  return fields;
}

export interface ChangeFilter {
  state?: ChangeState;
  type?: ChangeType;
  itemId?: string;
}

/** Change requests; each command is a new version written only over the version it read (no lost update between approvers). */
@Injectable()
export class ChangeRepository extends VersionedDocumentStore<ChangeFields> {
  constructor(@InjectModel(ChangeRecord.name) changes: Model<ChangeRecord>, relays: OutboxRelays) {
    super(changes.collection, relays);
  }

  async newestFirst({ state, type, itemId }: ChangeFilter, request: PageRequest): Promise<Page<StoredChange>> {
    // Equality on an array field (itemIds) matches any element.
    return this.page(NEWEST_FIRST, request, { state, type, itemIds: itemId });
  }

  /**
   * The changes holding a planned window on the calendar (`CALENDAR_CHANGE_STATES`) that name one of
   * `itemIds` (all of them when undefined) and whose window overlaps `window` (any window when undefined).
   */
  async onCalendar(itemIds: readonly string[] | undefined, window?: TimeWindow): Promise<StoredChange[]> {
    return this.query(
      {
        state: { $in: [...CALENDAR_CHANGE_STATES] },
        ...(itemIds === undefined ? {} : { itemIds: { $in: [...itemIds] } }),
        ...overlapping(window),
      },
      NEWEST_FIRST,
    );
  }

  /** Changes (cancelled ones left out) whose planned window overlaps `window`, naming one of `itemIds` when given, by start. */
  async inPeriod(window: TimeWindow, itemIds?: readonly string[]): Promise<StoredChange[]> {
    const found = await this.query({ state: { $ne: 'cancelled' }, ...(itemIds === undefined ? {} : { itemIds: { $in: [...itemIds] } }), ...overlapping(window) }, NEWEST_FIRST);
    return found.sort((a, b) => (a.plannedWindow?.start.getTime() ?? 0) - (b.plannedWindow?.start.getTime() ?? 0));
  }
}

/** A filter on the planned window overlapping `window` (half-open): none when `window` is undefined. */
function overlapping(window: TimeWindow | undefined): Record<string, unknown> {
  return window === undefined ? { plannedWindow: { $exists: true } } : { 'plannedWindow.start': { $lt: window.end }, 'plannedWindow.end': { $gt: window.start } };
}
