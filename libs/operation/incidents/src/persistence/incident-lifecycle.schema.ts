import { IncidentTimelineEntryType } from '@itsm/contracts/operation';
import { IncidentLifecycle } from '@itsm/operation/incident-domain';
import { OUTBOX_HIDDEN } from '@itsm/persistence';
import { Schema } from 'mongoose';
import type { IncidentRecord } from './incident.schema';

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
  };

/** An incident as stored: the report's fields and the lifecycle's. */
export type StoredIncident = IncidentRecord & StoredIncidentLifecycle;

/** Reads of incidents leave the outbox, the creation events (kept for a redelivered intake command) and the timeline out (the timeline has its own paged route). */
export const INCIDENT_HIDDEN = { ...OUTBOX_HIDDEN, timeline: 0, intakeEvents: 0 } as const;

/**
 * Adds the lifecycle fields to the incidents schema, and the index the auto-close sweep reads by
 * (state equality, then the due instant).
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
  });
  schema.index({ state: 1, 'resolution.autoCloseAt': 1 });
}
