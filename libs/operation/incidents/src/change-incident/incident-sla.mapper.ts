import { CloudEvent, CloudEventOrigin } from '@itsm/contracts';
import { SYSTEM_ACTOR_ID, TrackedIncident, withoutUndefined as defined } from '@itsm/operation/incident-domain';
import { RecordSlas, SlaFact, slaFactEvents, slaNameOf } from '@itsm/operation/sla-domain';
import { StoredTimelineEntry } from '../persistence/incident-lifecycle.schema';

/**
 * The SLA events of one change of an incident (`slaFactEvents` of `@itsm/operation/sla-domain`, which
 * requests share), each carrying the incident and the version the change writes.
 */
export function incidentSlaEvents(incident: Pick<TrackedIncident, 'incidentId' | 'number'>, version: number, slas: RecordSlas, facts: readonly SlaFact[], origin: CloudEventOrigin): CloudEvent[] {
  return slaFactEvents({ recordType: 'incident', recordId: incident.incidentId, number: incident.number }, version, slas, facts, origin);
}

/**
 * The timeline entries of one change's SLA facts (type `sla`), numbered after `lastSeq`, by the operation
 * service. An SLA's entries are `public` (the caller's agreement); an OLA's or UC's are `internal`
 * (agreements between the provider's teams and with its suppliers).
 */
export function slaTimelineEntries(slas: RecordSlas, facts: readonly SlaFact[], lastSeq: number): StoredTimelineEntry[] {
  return facts.map((fact, index) => ({
    seq: lastSeq + index + 1,
    type: 'sla',
    at: fact.at,
    by: SYSTEM_ACTOR_ID,
    visibility: fact.kind === 'sla' ? 'public' : 'internal',
    ...defined({ slaFact: fact.type, slaId: fact.slaId, slaVersion: fact.version, name: slaNameOf(slas, fact), kind: fact.kind, target: fact.target }),
    ...defined({ percent: fact.percent, dueAt: fact.dueAt, breached: fact.breached, elapsedMs: fact.elapsedMs, reason: fact.reason }),
  }));
}
