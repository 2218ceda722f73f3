import { CloudEvent, MessageDefinition, createCloudEvent } from '@itsm/contracts';
import {
  MAJOR_INCIDENT_DECIDED_V1,
  MAJOR_INCIDENT_PROPOSED_V1,
  MAJOR_INCIDENT_REVIEW_OPENED_V1,
  MAJOR_INCIDENT_REVIEW_REVISED_V1,
  MAJOR_INCIDENT_UPDATE_POSTED_V1,
  MajorIncidentView,
} from '@itsm/contracts/operation';
import { MajorIncident, MajorIncidentUpdate, latestMajorUpdate, withoutUndefined } from '@itsm/operation/incident-domain';
import { StoredMajorIncident, toMajorIncident } from '../persistence/major-incident.repository';

/** Which step of the procedure a change was, for its event. */
export type MajorIncidentStep = 'proposed' | 'decided' | 'update-posted' | 'review-opened' | 'review-revised';

const MESSAGES: Readonly<Record<MajorIncidentStep, MessageDefinition>> = {
  proposed: MAJOR_INCIDENT_PROPOSED_V1,
  decided: MAJOR_INCIDENT_DECIDED_V1,
  'update-posted': MAJOR_INCIDENT_UPDATE_POSTED_V1,
  'review-opened': MAJOR_INCIDENT_REVIEW_OPENED_V1,
  'review-revised': MAJOR_INCIDENT_REVIEW_REVISED_V1,
};

/** The event of one step, at the record's new `version`, by `by` at `at` (the step's own details from `major`). */
export function majorIncidentEvent(step: MajorIncidentStep, major: MajorIncident, version: number, by: string, at: Date, correlationId?: string): CloudEvent {
  const base = { incidentId: major.incidentId, number: major.number, version, at: at.toISOString(), by };
  const update = latestMajorUpdate(major);
  const details: Record<MajorIncidentStep, () => object> = {
    proposed: () => ({ reason: major.proposalReason }),
    decided: () => ({ decision: major.state, reason: major.decisionReason }),
    'update-posted': () => ({ seq: update?.seq, audience: update?.audience, text: update?.text }),
    'review-opened': () => ({ timelineEntries: major.review?.timeline.length ?? 0 }),
    'review-revised': () => ({ review: { causes: major.review?.causes ?? [], actions: major.review?.actions ?? [] } }),
  };
  return createCloudEvent(MESSAGES[step], major.incidentId, { ...base, ...details[step]() }, { service: 'operation', actorId: by, correlationId }, at);
}

const updateView = (update: MajorIncidentUpdate) => ({ ...update, at: update.at.toISOString() });

/** A stored major incident as the API shows it. */
export function toMajorIncidentView(stored: StoredMajorIncident): MajorIncidentView {
  const major = toMajorIncident(stored);
  const latest = latestMajorUpdate(major);
  return withoutUndefined({
    id: major.incidentId,
    number: major.number,
    state: major.state,
    open: major.open,
    proposedBy: major.proposedBy,
    proposedAt: major.proposedAt.toISOString(),
    proposalReason: major.proposalReason,
    decidedBy: major.decidedBy,
    decidedAt: major.decidedAt?.toISOString(),
    decisionReason: major.decisionReason,
    updates: major.updates.map(updateView),
    latestUpdate: latest && updateView(latest),
    review: major.review && {
      openedAt: major.review.openedAt.toISOString(),
      timeline: major.review.timeline.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
      causes: [...major.review.causes],
      actions: major.review.actions.map((action) => ({ ...action })),
    },
    version: stored.version,
    createdAt: stored.createdAt.toISOString(),
    updatedAt: stored.updatedAt.toISOString(),
  });
}
