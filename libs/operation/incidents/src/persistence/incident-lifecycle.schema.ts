import { IncidentTimelineEntryType } from '@itsm/contracts/operation';
import { IncidentLifecycle } from '@itsm/operation/incident-domain';
import { NO_SLAS, RecordSlas, runningCalendarIds } from '@itsm/operation/sla-domain';
import { OUTBOX_HIDDEN } from '@itsm/persistence';
import { SLA_DUE_FIELD_NAMES, StoredSlaDue, slaDueFields } from '@itsm/operation/service-levels';
import { Schema } from 'mongoose';

/**
 * Most entries an incident's timeline holds. The timeline lives in the incident's own document so that a
 * change, its events and its timeline entries are ONE single-document update (no transactions on
 * FerretDB); the cap bounds the document: 500 entries of at most 4,000 characters (`noteMaxLength`) stay
 * near 2 MB, far below MongoDB's 16 MB, and a FerretDB update, which rewrites the whole document, stays
 * cheap for every incident a service desk actually sees (a few dozen entries). Past the cap, people's
 * commands are refused (422, open a follow-up incident); the operation service's own (auto-close) still
 * pass, so an incident always reaches Closed. docs/ARCHITECTURE.md, "Incident lifecycle".
 */
export const TIMELINE_MAX_ENTRIES = 500;

/**
 * One stored timeline entry: a fact of the lifecycle as the domain reported it (`IncidentFact`, dates as
 * dates), numbered from 1 in the incident and marked `internal` for work notes.
 */
export interface StoredTimelineEntry {
  seq: number;
  type: IncidentTimelineEntryType;
  at: Date;
  by: string;
  visibility: 'public' | 'internal';
  [detail: string]: unknown;
}

/** The lifecycle fields stored beside the report (`IncidentRecord`): version, assignment, resolution, KPIs, timeline. */
export type StoredIncidentLifecycle = Omit<IncidentLifecycle, 'kpis'> &
  Partial<Pick<IncidentLifecycle, 'kpis'>> & {
    /** 1 at intake, + 1 per change; absent on incidents stored before the lifecycle existed (read as 1). */
    version?: number;
    timeline?: StoredTimelineEntry[];
    /** Entries ever appended (the last `seq`). */
    timelineSeq?: number;
    /**
     * Set (true) by the resolution or closure of an incident that has children, in the same update, and
     * removed once each of its open children was resolved with it (`ResolveChildren`): so a cascade a crash
     * cut short is finished by `ChildCascadeSweep`. Absent otherwise.
     */
    childCascadePending?: true;
  };

/**
 * An incident's SLA clocks as stored (`RecordSlas` of `@itsm/operation/sla-domain`: plain JSON, instants
 * in epoch ms, no array directly inside an array, as FerretDB wants), with copies at the top level for
 * indexed lookups: the SLA sweep's `slaNextDueAt`, `slaTicking` and `slaDueSlot` (StoredSlaDue of
 * @itsm/operation/service-levels, shared with service requests; the sweep's slot walk instead of the range,
 * which FerretDB serves by reading and decoding every ticking incident: 13-18 s at 10,000, docs/BENCHMARKS.md,
 * "SLA engine") and `slaBreached` (the list filter and the work queue's first part). Absent on incidents stored before the SLA engine. The
 * index `{slaTicking: 1, slaNextDueAt: 1, _id: 1}` serves the sweep's catch-up and the work queue's order.
 *
 * `slaCalendarIds`: the calendars the running clocks are planned on (`runningCalendarIds`, absent when
 * none), indexed, so a calendar revision finds the incidents to re-plan by one equality (FerretDB serves
 * an equality on an array field through the launcher's GIN companion of the index).
 */
export interface StoredIncidentSlas extends StoredSlaDue {
  slas?: RecordSlas;
  slaCalendarIds?: string[];
  slaBreached?: boolean;
}

/** The stored fields whose absence means "none" and that an update must therefore remove, not leave. */
export const SLA_DUE_FIELDS = [...SLA_DUE_FIELD_NAMES, 'slaCalendarIds'] as const;

/** The stored SLA fields of `slas`: the one place they are derived, for every writer (intake's insert, a change, a re-plan). */
export function storedSlaFields(slas: RecordSlas): StoredIncidentSlas & Required<Pick<StoredIncidentSlas, 'slas' | 'slaBreached'>> {
  if (slas.nextDueAt === undefined) return { slas, slaBreached: slas.breached };
  const calendarIds = runningCalendarIds(slas);
  return { slas, ...slaDueFields(slas.nextDueAt), ...(calendarIds.length > 0 ? { slaCalendarIds: calendarIds } : {}), slaBreached: slas.breached };
}

/** The clocks of a stored incident (none on one stored before the SLA engine). */
export function slasOf(stored: StoredIncidentSlas): RecordSlas {
  return stored.slas ?? NO_SLAS;
}


/** Reads of incidents leave the outbox, the creation events (kept for a redelivered intake command) and the timeline out (the timeline has its own paged route). */
export const INCIDENT_HIDDEN = { ...OUTBOX_HIDDEN, timeline: 0, intakeEvents: 0, childCascadePending: 0 } as const;

/**
 * Adds the lifecycle fields and the SLA clocks to the incidents schema, and the indexes the sweeps read
 * by: auto-close (state equality, then the due instant), SLA (clocks that can fire, then the next due instant).
 */
export function addIncidentLifecycle(schema: Schema): void {
  schema.add({
    version: { type: Number },
    holdReason: { type: String },
    assignmentGroupId: { type: String },
    assigneeId: { type: String },
    resolution: { type: Schema.Types.Mixed },
    cancellation: { type: Schema.Types.Mixed },
    closedAt: { type: Date },
    kpis: { type: Schema.Types.Mixed },
    timeline: { type: [Schema.Types.Mixed], default: undefined },
    timelineSeq: { type: Number },
    slas: { type: Schema.Types.Mixed },
    slaNextDueAt: { type: Date },
    slaTicking: { type: Boolean },
    slaDueSlot: { type: String },
    slaCalendarIds: { type: [String], default: undefined },
    slaBreached: { type: Boolean },
    parentId: { type: String },
    childCascadePending: { type: Boolean },
    causedByChangeId: { type: String },
    causedByChangeNumber: { type: String },
  });
  schema.index({ state: 1, 'resolution.autoCloseAt': 1 });
  // The SLA sweep's catch-up (a prefix) and the work queue (`sort=slaNextDueAt`, ties by id: NEXT_DUE_FIRST of IncidentRepository).
  schema.index({ slaTicking: 1, slaNextDueAt: 1, _id: 1 });
  // A group's work queue (the list filter `assignmentGroupId` with `sort=slaNextDueAt`); FerretDB serves the group's equality through its GIN companion.
  schema.index({ assignmentGroupId: 1, slaTicking: 1, slaNextDueAt: 1, _id: 1 });
  // The work queue's first part, the open breached incidents (one read per open state, BREACHED_FIRST of IncidentRepository), and a group's.
  schema.index({ slaBreached: 1, state: 1, priority: 1, _id: 1 });
  schema.index({ assignmentGroupId: 1, slaBreached: 1, state: 1, priority: 1, _id: 1 });
  // The SLA sweep's slot walk: one equality per 10 s slot (see StoredIncidentSlas).
  schema.index({ slaDueSlot: 1 });
  schema.index({ slaCalendarIds: 1 });
  // A parent's children (the list filter `parentId`, newest first; the cascade): an equality on a top-level field, so FerretDB reads them through its index too.
  schema.index({ parentId: 1, _id: -1 });
  // The incidents a change caused (the list filter `causedByChangeId`, newest first), read the same way as a parent's children.
  schema.index({ causedByChangeId: 1, _id: -1 });
  // The incidents on an item (the list filter `configurationItemId`, by the item's id), read the same way.
  schema.index({ configurationItemId: 1, _id: -1 });
  // Parents whose children are still to be resolved with them (the cascade's sweep): set only while pending.
  schema.index({ childCascadePending: 1 });
}
