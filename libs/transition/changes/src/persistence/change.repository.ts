import { ChangeState, ChangeType } from '@itsm/contracts/transition';
import { Page, PageRequest } from '@itsm/contracts';
import { CALENDAR_CHANGE_STATES, CalendarEntry, Change, TimeWindow, conflictPartyIds } from '@itsm/transition/change-domain';
import { readEach } from '@itsm/transition/cmdb';
import { NEWEST_FIRST, OutboxRelays, VersionedDocumentStore, VersionedRecord, fieldsOf } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { ChangeRecord } from './change.schema';

/**
 * A change as the `changes` collection keeps it: the domain's change without what the store keeps itself
 * (id, timestamps), and the other parties of its conflicts (`conflictPartyIds`, indexed, top level: a fact
 * about a change or a freeze finds the changes that conflicted with it by an equality read). Changes stored
 * before it was kept get it at their next write.
 */
export type ChangeFields = Omit<Change, 'changeId' | 'createdAt' | 'updatedAt'> & { readonly conflictPartyIds?: readonly string[] };
export type StoredChange = VersionedRecord<ChangeFields>;

/** The domain's change from its stored record. */
export function changeOf(record: StoredChange): Change {
  return { ...domainFields(fieldsOf(record)), changeId: record._id, createdAt: record.createdAt, updatedAt: record.updatedAt };
}

/** What the store keeps of a domain change. */
export function changeFields({ changeId: _id, createdAt: _created, updatedAt: _updated, ...fields }: Change): ChangeFields {
  return { ...fields, conflictPartyIds: conflictPartyIds(fields.conflicts) };
}

/** The stored fields without what only the store keeps (`conflictPartyIds`): what views and events show. */
export function domainFields<T extends ChangeFields>({ conflictPartyIds: _parties, ...fields }: T): Omit<T, 'conflictPartyIds'> {
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
  private readonly entries: mongo.Collection;

  constructor(@InjectModel(ChangeRecord.name) changes: Model<ChangeRecord>, relays: OutboxRelays) {
    super(changes.collection, relays);
    this.entries = changes.collection as unknown as mongo.Collection;
  }

  /**
   * The calendar entries (id, state, items, window) of the changes naming one of `itemIds`, in any state:
   * one indexed equality read per item (`{itemIds: item}`, an array field matching any element), the only
   * read FerretDB pushes down, so the cost follows the items' changes, not the collection. The caller keeps
   * those on the calendar (`inRecheckScope`).
   */
  async entriesNaming(itemIds: readonly string[]): Promise<CalendarEntry[]> {
    const found = await readEach([...new Set(itemIds)], (itemId) => this.entries.find<StoredEntry>({ itemIds: itemId }, { projection: ENTRY_FIELDS }).toArray());
    return [...new Map(found.flat().map((entry) => [entry._id, entryOf(entry)])).values()];
  }

  /** The calendar entries of the changes whose recorded conflicts name `partyId` (a change, a freeze): one indexed equality read. */
  async entriesWithParty(partyId: string): Promise<CalendarEntry[]> {
    const found = await this.entries.find<StoredEntry>({ conflictPartyIds: partyId }, { projection: ENTRY_FIELDS }).toArray();
    return found.map(entryOf);
  }

  /**
   * The calendar entries of the changes on the calendar whose window overlaps `window`, whatever their items:
   * for a freeze on every item. A range, which FerretDB reads by scanning the collection; such freezes are
   * few (a handful a year), and their changes are handled a page per message.
   */
  async entriesOverlapping(window: TimeWindow): Promise<CalendarEntry[]> {
    const found = await this.entries.find<StoredEntry>({ state: { $in: [...CALENDAR_CHANGE_STATES] }, ...overlapping(window) }, { projection: ENTRY_FIELDS }).toArray();
    return found.map(entryOf);
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

type StoredEntry = Omit<CalendarEntry, 'changeId'> & { _id: string };
const ENTRY_FIELDS = { _id: 1, state: 1, itemIds: 1, plannedWindow: 1, conflictPartyIds: 1 } as const;

function entryOf({ _id, state, itemIds, plannedWindow, conflictPartyIds: parties }: StoredEntry): CalendarEntry {
  return { changeId: _id, state, itemIds, ...(plannedWindow === undefined ? {} : { plannedWindow }), ...(parties === undefined ? {} : { conflictPartyIds: parties }) };
}

/** A filter on the planned window overlapping `window` (half-open): none when `window` is undefined. */
function overlapping(window: TimeWindow | undefined): Record<string, unknown> {
  return window === undefined ? { plannedWindow: { $exists: true } } : { 'plannedWindow.start': { $lt: window.end }, 'plannedWindow.end': { $gt: window.start } };
}
