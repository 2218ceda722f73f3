import { CloudEvent, CloudEventOrigin, MessageDefinition, createCloudEvent } from '@itsm/contracts';
import {
  INCIDENT_ASSIGNED_V1,
  INCIDENT_CANCELLED_V1,
  INCIDENT_CHANGE_LINKED_V1,
  INCIDENT_CHANGE_UNLINKED_V1,
  INCIDENT_CHILD_LINKED_V1,
  INCIDENT_CHILD_UNLINKED_V1,
  INCIDENT_CLOSED_V1,
  INCIDENT_COMMENTED_V1,
  INCIDENT_PARENT_LINKED_V1,
  INCIDENT_PARENT_UNLINKED_V1,
  INCIDENT_PRIORITY_CHANGED_V1,
  INCIDENT_PROBLEM_LINKED_V1,
  INCIDENT_PROBLEM_UNLINKED_V1,
  INCIDENT_REOPENED_V1,
  INCIDENT_RESOLVED_V1,
  INCIDENT_RESPONDED_V1,
  INCIDENT_STATE_CHANGED_V1,
  IncidentFactFieldsV1,
} from '@itsm/contracts/operation';
import { IncidentFact, IncidentFactType, TrackedIncident } from '@itsm/operation/incident-domain';
import { StoredTimelineEntry } from '../persistence/incident-lifecycle.schema';

/** The event each fact of the lifecycle is published as (one definition per fact, in the message catalogue). */
export const INCIDENT_FACT_MESSAGES: Readonly<Record<IncidentFactType, MessageDefinition>> = {
  assigned: INCIDENT_ASSIGNED_V1,
  'state-changed': INCIDENT_STATE_CHANGED_V1,
  'priority-changed': INCIDENT_PRIORITY_CHANGED_V1,
  commented: INCIDENT_COMMENTED_V1,
  responded: INCIDENT_RESPONDED_V1,
  resolved: INCIDENT_RESOLVED_V1,
  closed: INCIDENT_CLOSED_V1,
  reopened: INCIDENT_REOPENED_V1,
  cancelled: INCIDENT_CANCELLED_V1,
  'problem-linked': INCIDENT_PROBLEM_LINKED_V1,
  'problem-unlinked': INCIDENT_PROBLEM_UNLINKED_V1,
  'parent-linked': INCIDENT_PARENT_LINKED_V1,
  'parent-unlinked': INCIDENT_PARENT_UNLINKED_V1,
  'child-linked': INCIDENT_CHILD_LINKED_V1,
  'child-unlinked': INCIDENT_CHILD_UNLINKED_V1,
  'change-linked': INCIDENT_CHANGE_LINKED_V1,
  'change-unlinked': INCIDENT_CHANGE_UNLINKED_V1,
};

/** A fact's own details (what it carries beside type, time and actor), dates as RFC 3339. */
function detailsOf(fact: IncidentFact): Record<string, unknown> {
  const { type: _type, at: _at, by: _by, ...details } = fact;
  return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
}

/**
 * The events of one change: each fact as its event, carrying the incident, the version the change
 * writes, when and by whom. Work notes are events too (`commented` with `visibility: internal`): whoever
 * copies them on (the audit trail) shows incident content only to who reads every incident, and
 * requesters read no audit trail.
 */
export function incidentFactEvents(incident: TrackedIncident, version: number, facts: readonly IncidentFact[], origin: CloudEventOrigin): CloudEvent[] {
  return facts.map((fact) => {
    const data = { incidentId: incident.incidentId, number: incident.number, version, at: fact.at.toISOString(), by: fact.by, ...detailsOf(fact) } as IncidentFactFieldsV1;
    return createCloudEvent(INCIDENT_FACT_MESSAGES[fact.type], incident.incidentId, data, origin, fact.at);
  });
}

/** The timeline entries of one change, numbered after `lastSeq`; work notes are `internal`, everything else `public`. */
export function timelineEntries(facts: readonly IncidentFact[], lastSeq: number): StoredTimelineEntry[] {
  return facts.map((fact, index) => ({
    ...fact,
    seq: lastSeq + index + 1,
    visibility: fact.type === 'commented' ? fact.visibility : 'public',
  }));
}
