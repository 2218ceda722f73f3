import { CloudEvent, NotFoundError, encodePageCursor, Page, PageRequest, VersionConflictError } from '@itsm/contracts';
import { IncidentState } from '@itsm/contracts/operation';
import { IncidentReadScope, PARENT_LINK_OPEN_STATES, TrackedIncident, startLifecycle } from '@itsm/operation/incident-domain';
import { DocumentWriteLock, OutboxDocument, OutboxFields, OutboxRelay, OutboxRelays, appendToOutbox } from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { RecordSlas } from '@itsm/operation/sla-domain';
import { IncidentDocument, IncidentRecord } from './incident.schema';
import { SLA_DUE_FIELDS, StoredTimelineEntry, slasOf, storedSlaFields } from './incident-lifecycle.schema';
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

/** Lifecycle fields a change may remove (the rest of an incident only ever changes value). */
const REMOVABLE_FIELDS = ['holdReason', 'assignmentGroupId', 'assigneeId', 'resolution', 'cancellation', 'closedAt', 'parentId'] as const;

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

  constructor(@InjectModel(IncidentRecord.name) private readonly incidents: Model<IncidentDocument>, relays: OutboxRelays) {
    this.relay = relays.relayFor(incidents.collection);
    this.writeLock = DocumentWriteLock.of(incidents.collection);
  }

  /** The incident as the lifecycle sees it, or null. An incident stored before the lifecycle existed reads as version 1, New with nothing counted. */
  async findForChange(id: string): Promise<IncidentForChange | null> {
    const found = await this.incidents.collection.findOne<StoredIncident & Pick<OutboxFields, 'outboxSeq'>>({ _id: id as never }, { projection: CHANGE_PROJECTION });
    if (!found) return null;
    return { incident: toTrackedIncident(found), version: found.version ?? 1, outboxSeq: found.outboxSeq ?? 0, timelineSeq: found.timelineSeq ?? 0, slas: slasOf(found) };
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
    if (slaFields.slaNextDueAt === undefined) dropped.push(...SLA_DUE_FIELDS);
    const update = {
      $push: { ...append.$push, timeline: { $each: entries } },
      $set: { ...append.$set, ...fields, ...slaFields, version, timelineSeq: read.timelineSeq + entries.length, ...(childCascadePending ? { childCascadePending: true } : {}) },
      ...(dropped.length > 0 ? { $unset: Object.fromEntries(dropped.map((field) => [field, ''])) } : {}),
    };
    // Incidents stored before the lifecycle existed have no version: theirs is 1.
    const filter = read.version === 1 ? { _id: incidentId, $or: [{ version: 1 }, { version: { $exists: false } }] } : { _id: incidentId, version: read.version };
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
   * Ids of up to `limit` incidents whose next SLA warning or breach is due at or before `now`, earliest
   * first (the SLA sweep's lookup: only incidents whose clocks can fire, by the equality on `slaTicking`,
   * then the due instant; see StoredIncidentSlas).
   */
  async dueForSlaAdvance(now: Date, limit: number): Promise<string[]> {
    const found = await this.incidents.collection
      .find<{ _id: string }>({ slaTicking: true, slaNextDueAt: { $lte: now } }, { projection: { _id: 1 }, sort: { slaNextDueAt: 1 }, limit })
      .toArray();
    return found.map((incident) => incident._id);
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

/** The domain's incident from a stored one (no storage fields, the id as `incidentId`). */
export function toTrackedIncident(stored: StoredIncident): TrackedIncident {
  const {
    _id,
    intakeMessageId: _intake,
    version: _version,
    timeline: _timeline,
    timelineSeq: _seq,
    outboxSeq: _outboxSeq,
    slas: _slas,
    slaNextDueAt: _due,
    slaTicking: _ticking,
    slaBreached: _breached,
    childCascadePending: _cascade,
    ...fields
  } = stored as StoredIncident & Partial<OutboxFields>;
  const incident = { ...fields, incidentId: _id };
  return incident.kpis === undefined ? startLifecycle(incident).incident : (incident as TrackedIncident);
}
