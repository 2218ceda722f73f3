import { CloudEvent, DependencyUnavailableError, NotFoundError, encodePageCursor, Page, PageRequest, VersionConflictError } from '@itsm/contracts';
import { IncidentState } from '@itsm/contracts/operation';
import { IncidentReadScope, PARENT_LINK_OPEN_STATES, TrackedIncident, startLifecycle } from '@itsm/operation/incident-domain';
import { forEachConcurrently } from '@itsm/service-runtime';
import { DocumentWriteLock, boundedBulkWrite, OutboxDocument, OutboxFields, OutboxRelay, OutboxRelays, appendToOutbox } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { RecordSlas } from '@itsm/operation/sla-domain';
import { SlaDueLookup } from '@itsm/operation/service-levels';
import { IncidentDocument, IncidentRecord } from './incident.schema';
import { SLA_DUE_FIELDS, StoredIncidentSlas, StoredTimelineEntry, slasOf, storedSlaFields } from './incident-lifecycle.schema';
import { StoredIncident } from './incident.schema';

/** An incident as read for a change: the domain's incident and what the guarded write needs. */
export interface IncidentForChange {
  incident: TrackedIncident;
  /** The version read; the write is conditional on it. */
  version: number;
  outboxSeq: number;
  timelineSeq: number;
  /** Its SLA clocks as read (none on an incident stored before the SLA engine). */
  slas: RecordSlas;
}

/** An incident's SLA clocks as a re-plan reads them (nothing else of it changes), at the version read. */
export interface ClocksForReplan {
  id: string;
  version: number;
  slas: RecordSlas;
}

/** An SLA advance to record on an incident with no event (its warnings and breaches are published from `sla_firings`): the clocks and their timeline entries. */
export interface SlaRecordWrite {
  read: IncidentForChange;
  slas: RecordSlas;
  entries: readonly StoredTimelineEntry[];
}

/** Lifecycle fields a change may remove (the rest of an incident only ever changes value). */
const REMOVABLE_FIELDS = ['holdReason', 'assignmentGroupId', 'assigneeId', 'resolution', 'cancellation', 'closedAt', 'problemId', 'problemNumber', 'parentId', 'causedByChangeId', 'causedByChangeNumber'] as const;

/** A child of a parent incident as the cascade reads it. */
export interface ChildIncident {
  incidentId: string;
  state: IncidentState;
}

/** A change reads neither the pending events, the creation events nor the timeline, only their counters. */
const CHANGE_PROJECTION = { outbox: 0, outboxPending: 0, outboxLeaseUntil: 0, timeline: 0, intakeEvents: 0 } as const;

/**
 * Changes of incidents by their lifecycle: each is ONE update of the incident's document, conditional on
 * the version its writer read, holding the new state, the next version, the events (outbox) and the
 * timeline entries; run through the collection's `DocumentWriteLock` (a lease per document on FerretDB,
 * so several operation replicas may change incidents). Hands the events to the relay.
 */
@Injectable()
export class IncidentLifecycleRepository {
  private readonly relay: OutboxRelay;
  private readonly writeLock: DocumentWriteLock;
  /**
   * What the SLA sweep finds due (its `DueSlotWalk`'s reader, as the requests' sweep's): the incidents whose next
   * warning or breach falls in a due slot (one indexed equality on `slaDueSlot`), and as catch-up those due by now,
   * earliest first (the equality on `slaTicking`, then the due instant: on FerretDB every ticking incident).
   */
  readonly slaDue: SlaDueLookup;

  constructor(@InjectModel(IncidentRecord.name) private readonly incidents: Model<IncidentDocument>, relays: OutboxRelays) {
    this.relay = relays.relayFor(incidents.collection);
    this.writeLock = DocumentWriteLock.of(incidents.collection);
    this.slaDue = new SlaDueLookup(incidents.collection);
  }

  /** The incident as the lifecycle sees it, or null. An incident stored before the lifecycle existed reads as version 1, New with nothing counted. */
  async findForChange(id: string): Promise<IncidentForChange | null> {
    const found = await this.incidents.collection.findOne<StoredIncident & Pick<OutboxFields, 'outboxSeq'>>({ _id: id as never }, { projection: CHANGE_PROJECTION });
    return found ? forChange(found) : null;
  }

  /** Each of `ids` as `findForChange` reads it, `concurrency` reads (one `findOne` by `_id` each) at a time; gone ones left out. */
  async findManyForChange(ids: readonly string[], concurrency: number): Promise<IncidentForChange[]> {
    const found: IncidentForChange[] = [];
    await forEachConcurrently(ids, concurrency, async (id) => {
      const read = await this.findForChange(id);
      if (read) found.push(read);
    });
    return found;
  }

  /**
   * Writes `next` as the version after `read`, with its SLA clocks (`slas`), events and timeline entries,
   * in one update conditional on `read.version`; `childCascadePending` marks a resolved or closed parent
   * whose children are still to be resolved with it. Returns the version written.
   *
   * @throws VersionConflictError (409) when another writer changed the incident since it was read.
   */
  async write(
    read: IncidentForChange,
    next: TrackedIncident,
    events: readonly CloudEvent[],
    entries: readonly StoredTimelineEntry[],
    slas: RecordSlas = read.slas,
    childCascadePending = false,
  ): Promise<number> {
    const { incidentId, ...fields } = next;
    const version = read.version + 1;
    const append = appendToOutbox(read.outboxSeq, events);
    const dropped: string[] = REMOVABLE_FIELDS.filter((field) => next[field] === undefined && read.incident[field] !== undefined);
    const slaFields = storedSlaFields(slas);
    dropped.push(...absentSlaDueFields(slaFields));
    const update = {
      $push: { ...append.$push, timeline: { $each: entries } },
      $set: { ...append.$set, ...fields, ...slaFields, version, timelineSeq: read.timelineSeq + entries.length, ...(childCascadePending ? { childCascadePending: true } : {}) },
      ...(dropped.length > 0 ? { $unset: Object.fromEntries(dropped.map((field) => [field, ''])) } : {}),
    };
    const filter = versionFilter(incidentId, read.version);
    const updated = await this.writeLock.run([incidentId], () =>
      this.incidents.collection.findOneAndUpdate(filter as unknown as mongo.Filter<mongo.Document>, update as unknown as mongo.UpdateFilter<mongo.Document>, { returnDocument: 'after' }),
    );
    if (!updated) {
      const latest = await this.findForChange(incidentId);
      if (!latest) throw new NotFoundError('incident', incidentId);
      throw new VersionConflictError(incidentId, latest.version, read.version);
    }
    // FerretDB serves findOneAndUpdate without a projection only: the outbox is taken from the whole document.
    const { outbox, outboxSeq, outboxPending, outboxLeaseUntil } = updated as unknown as OutboxFields;
    this.relay.publishSoon({ _id: incidentId, outbox, outboxSeq, outboxPending, outboxLeaseUntil } as OutboxDocument);
    return version;
  }

  /**
   * One page of an incident's timeline within `scope` (a caller's read scope), oldest first, after the
   * cursor's `seq`; `publicOnly` leaves work notes out. Null when there is no such incident for the caller.
   * The timeline is bounded (TIMELINE_MAX_ENTRIES), so it is read whole and paged here.
   */
  async timeline(id: string, scope: IncidentReadScope, publicOnly: boolean, request: PageRequest): Promise<Page<StoredTimelineEntry> | null> {
    const filter: Record<string, unknown> = { _id: id };
    if (scope.callerId !== undefined) filter.callerId = scope.callerId;
    const found = await this.incidents.collection.findOne<{ timeline?: StoredTimelineEntry[] }>(filter as mongo.Filter<mongo.Document>, { projection: { timeline: 1 } });
    if (!found) return null;
    const after = Number(request.after?.[0] ?? 0);
    const visible = (found.timeline ?? []).filter((entry) => entry.seq > after && (!publicOnly || entry.visibility === 'public'));
    const items = visible.slice(0, request.limit);
    const last = items.at(-1);
    return { items, nextCursor: visible.length > items.length && last ? encodePageCursor([last.seq]) : null };
  }

  /**
   * Ids of the incidents whose running clocks are planned on `calendarId` (`slaCalendarIds`, one indexed
   * equality), read to the end before the caller writes anything: FerretDB on PostgreSQL holds a cursor's
   * query open between its batches, and a re-plan that kept one open across its own writes stalled the
   * server (bench/sla). 100,000 ids are a few MB; the clocks are read per batch (`clocksForReplan`).
   */
  async idsRunningOnCalendar(calendarId: string): Promise<string[]> {
    const found = await this.incidents.collection.find<{ _id: string }>({ slaCalendarIds: calendarId }, { projection: { _id: 1 } }).toArray();
    return found.map((incident) => incident._id);
  }

  /**
   * The clocks and version of each of `ids` whose running clocks are still planned on `calendarId`, each
   * read alone by `_id` (an indexed equality on FerretDB too, where `$in` is not pushed down and would read
   * the whole collection per batch), `concurrency` at a time. Gone or no longer running there: left out.
   */
  clocksForReplan(ids: readonly string[], calendarId: string, concurrency: number): Promise<ClocksForReplan[]> {
    return this.readClocks(ids, { slaCalendarIds: calendarId }, concurrency);
  }

  /** The clocks and version of each of `ids` (gone ones left out), each read alone by `_id`, `concurrency` at a time. */
  clocksOf(ids: readonly string[], concurrency: number): Promise<ClocksForReplan[]> {
    return this.readClocks(ids, {}, concurrency);
  }

  private async readClocks(ids: readonly string[], filter: Record<string, unknown>, concurrency: number): Promise<ClocksForReplan[]> {
    const found: ClocksForReplan[] = [];
    await forEachConcurrently(ids, concurrency, async (id) => {
      const incident = await this.incidents.collection.findOne<StoredIncidentSlas & { _id: string; version?: number }>({ _id: id as never, ...filter }, { projection: { version: 1, slas: 1 } });
      if (incident) found.push({ id, version: incident.version ?? 1, slas: slasOf(incident) });
    });
    return found;
  }

  /**
   * Writes re-planned clocks (`slas`, nothing else of the incident changes, no event, no timeline entry)
   * of many incidents, each as the version after the one read and conditional on it: the leases of all of
   * them taken at once (`DocumentWriteLock`: one insertMany on FerretDB), an unordered bulk write in
   * commands of at most BULK_WRITE_MAX_STATEMENTS (`boundedBulkWrite`: a longer one stalls FerretDB), the
   * leases released by one deleteMany. Returns the ids it did not write (another writer changed them since
   * they were read, or they stayed busy): their writer read the calendar too, or the caller retries them.
   */
  async writeReplans(replans: ReadonlyArray<{ read: ClocksForReplan; slas: RecordSlas }>): Promise<string[]> {
    if (replans.length === 0) return [];
    const ids = replans.map(({ read }) => read.id);
    const operations = replans.map(({ read, slas }) => ({ updateOne: { filter: versionFilter(read.id, read.version), update: clocksUpdate(slas, read.version + 1) } }));
    try {
      const result = await this.writeLock.run(ids, () => boundedBulkWrite(this.incidents.collection, operations as unknown as mongo.AnyBulkWriteOperation[]));
      if (result.modifiedCount === replans.length) return [];
    } catch (error) {
      // Busy documents (DependencyUnavailableError) or a partly failed batch: what was not written is read back below.
      if (!(error instanceof DependencyUnavailableError || error instanceof mongo.MongoBulkWriteError)) throw error;
    }
    const written = await Promise.all(replans.map(({ read }) => this.incidents.collection.countDocuments({ _id: read.id as never, version: read.version + 1 }, { limit: 1 })));
    return ids.filter((_id, index) => written[index] === 0);
  }

  /**
   * Writes SLA advances whose warnings and breaches are published from `sla_firings` (the SLA sweep's): each
   * incident's clocks, their lookup fields, their timeline entries and the next version, no event (nothing
   * for the outbox relay to mark sent afterwards), each conditional on the version read. The leases of all of
   * them are taken at once (`DocumentWriteLock`: one insertMany on FerretDB, one deleteMany after), then the
   * updates run `concurrency` at a time, each alone, so each says whether it was written: a firing is
   * published only by the writer that recorded it.
   *
   * @returns per incident id: true written, false lost to another writer (it changed since read), or the error.
   * @throws DependencyUnavailableError when some incident stayed busy with another writer (nothing written).
   */
  async writeSlaRecords(records: readonly SlaRecordWrite[], concurrency: number): Promise<Map<string, boolean | Error>> {
    const outcomes = new Map<string, boolean | Error>();
    if (records.length === 0) return outcomes;
    await this.writeLock.run(
      records.map(({ read }) => read.incident.incidentId),
      () =>
        forEachConcurrently(records, concurrency, async ({ read, slas, entries }) => {
          const id = read.incident.incidentId;
          const update = clocksUpdate(slas, read.version + 1);
          try {
            const result = await this.incidents.collection.updateOne(versionFilter(id, read.version) as mongo.Filter<mongo.Document>, {
              ...update,
              $set: { ...update.$set, timelineSeq: read.timelineSeq + entries.length },
              $push: { timeline: { $each: entries } },
            } as unknown as mongo.UpdateFilter<mongo.Document>);
            outcomes.set(id, result.matchedCount === 1);
          } catch (error) {
            outcomes.set(id, error instanceof Error ? error : new Error(String(error)));
          }
        }),
    );
    return outcomes;
  }

  /** How many incidents name `parentId` as their parent, counting up to `limit` (an equality on the indexed `parentId`). */
  countChildren(parentId: string, limit?: number): Promise<number> {
    return this.incidents.collection.countDocuments({ parentId }, limit === undefined ? {} : { limit });
  }

  /** The children of `parentId` still open (new, in progress, on hold): read by the equality on `parentId`, the states checked on those. */
  async openChildren(parentId: string): Promise<ChildIncident[]> {
    const found = await this.incidents.collection.find<{ _id: string; state: IncidentState }>({ parentId }, { projection: { _id: 1, state: 1 } }).toArray();
    return found.filter((child) => PARENT_LINK_OPEN_STATES.includes(child.state)).map((child) => ({ incidentId: child._id, state: child.state }));
  }

  /** Ids of up to `limit` parents whose cascade is pending (the sweep's lookup: an equality on `childCascadePending`). */
  async dueForChildCascade(limit: number): Promise<string[]> {
    const found = await this.incidents.collection.find<{ _id: string }>({ childCascadePending: true }, { projection: { _id: 1 }, limit }).toArray();
    return found.map((incident) => incident._id);
  }

  /**
   * Ends a parent's cascade: removes `childCascadePending` while the parent is still at `version` (a later
   * resolution or closure asked for a cascade of its own, which its next run does). No new version: the flag
   * is no fact of the incident, and a caller holding the version is not sent back to read again.
   */
  async endChildCascade(parentId: string, version: number): Promise<void> {
    await this.writeLock.run([parentId], () => this.incidents.collection.updateOne({ _id: parentId as never, version, childCascadePending: true }, { $unset: { childCascadePending: '' } }));
  }

  /** Ids of up to `limit` Resolved incidents whose auto-close instant is at or before `now` (the sweep's lookup: state equality, then the index on the instant). */
  async dueForAutoClose(now: Date, limit: number): Promise<string[]> {
    const found = await this.incidents.collection
      .find<{ _id: string }>({ state: 'resolved', 'resolution.autoCloseAt': { $lte: now } }, { projection: { _id: 1 }, limit })
      .toArray();
    return found.map((incident) => incident._id);
  }
}

function forChange(found: StoredIncident & Partial<Pick<OutboxFields, 'outboxSeq'>>): IncidentForChange {
  return { incident: toTrackedIncident(found), version: found.version ?? 1, outboxSeq: found.outboxSeq ?? 0, timelineSeq: found.timelineSeq ?? 0, slas: slasOf(found) };
}

/** The incident at the version read. Incidents stored before the lifecycle existed have no version: theirs is 1. */
function versionFilter(_id: string, version: number): Record<string, unknown> {
  return version === 1 ? { _id, $or: [{ version: 1 }, { version: { $exists: false } }] } : { _id, version };
}

/** The update of an incident's clocks alone to `slas` as `version`: the clocks, their lookup fields (those now absent removed). */
function clocksUpdate(slas: RecordSlas, version: number): { $set: Record<string, unknown>; $unset?: Record<string, ''> } {
  const slaFields = storedSlaFields(slas);
  const dropped = absentSlaDueFields(slaFields);
  return { $set: { ...slaFields, version }, ...(dropped.length > 0 ? { $unset: Object.fromEntries(dropped.map((field) => [field, ''] as const)) } : {}) };
}

/** The SLA lookup fields `slaFields` leaves out, which an update must therefore remove. */
function absentSlaDueFields(slaFields: StoredIncidentSlas): string[] {
  return SLA_DUE_FIELDS.filter((field) => slaFields[field] === undefined);
}

/** The domain's incident from a stored one (no storage fields, the id as `incidentId`). */
export function toTrackedIncident(stored: StoredIncident): TrackedIncident {
  const { _id, intakeMessageId: _intake, version: _version, timeline: _timeline, timelineSeq: _seq, outboxSeq: _outboxSeq, slas: _slas, slaNextDueAt: _due, slaTicking: _ticking, slaDueSlot: _slot, slaCalendarIds: _calendars, slaBreached: _breached, childCascadePending: _cascade, ...fields } =
    stored as StoredIncident & Partial<OutboxFields>;
  const incident = { ...fields, incidentId: _id };
  return incident.kpis === undefined ? startLifecycle(incident).incident : (incident as TrackedIncident);
}
