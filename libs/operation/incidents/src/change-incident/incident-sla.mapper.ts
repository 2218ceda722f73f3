import { CloudEvent, CloudEventOrigin, MessageDefinition, createCloudEvent } from '@itsm/contracts';
import {
  IncidentSlaView,
  SLA_BREACHED_V1,
  SLA_CANCELLED_V1,
  SLA_COMPLETED_V1,
  SLA_PAUSED_V1,
  SLA_RESUMED_V1,
  SLA_STARTED_V1,
  SLA_WARNING_V1,
  SlaFactFieldsV1,
} from '@itsm/contracts/operation';
import { SYSTEM_ACTOR_ID, TrackedIncident, withoutUndefined as defined } from '@itsm/operation/incident-domain';
import { RecordSlas, SlaFact, SlaTargetView } from '@itsm/operation/sla-domain';
import { StoredTimelineEntry } from '../persistence/incident-lifecycle.schema';

/** The event each SLA fact is published as (`itsm.operation.sla.<type>.v1`, in the message catalogue). */
export const SLA_FACT_MESSAGES: Readonly<Record<SlaFact['type'], MessageDefinition>> = {
  started: SLA_STARTED_V1,
  paused: SLA_PAUSED_V1,
  resumed: SLA_RESUMED_V1,
  warning: SLA_WARNING_V1,
  breached: SLA_BREACHED_V1,
  completed: SLA_COMPLETED_V1,
  cancelled: SLA_CANCELLED_V1,
};

/** The definition's name as the incident attached it (facts name the definition by id and version). */
function nameOf(slas: RecordSlas, fact: SlaFact): string {
  return slas.attachments.find((attachment) => attachment.slaId === fact.slaId && attachment.version === fact.version)?.name ?? fact.slaId;
}

/** A fact's own details (what its type carries beside the common fields), dates as RFC 3339. */
function detailsOf(fact: SlaFact): Record<string, unknown> {
  return defined({ percent: fact.percent, dueAt: fact.dueAt?.toISOString(), breached: fact.breached, elapsedMs: fact.elapsedMs, reason: fact.reason });
}

/**
 * The SLA events of one change of an incident (`slas` as the change leaves them, for the definitions'
 * names), each carrying the incident and the version the change writes; the operation service's own.
 */
export function slaFactEvents(incident: Pick<TrackedIncident, 'incidentId' | 'number'>, version: number, slas: RecordSlas, facts: readonly SlaFact[], origin: CloudEventOrigin): CloudEvent[] {
  return facts.map((fact) => {
    const data: SlaFactFieldsV1 = {
      recordType: 'incident',
      recordId: incident.incidentId,
      number: incident.number,
      recordVersion: version,
      slaId: fact.slaId,
      slaVersion: fact.version,
      name: nameOf(slas, fact),
      kind: fact.kind,
      target: fact.target,
      at: fact.at.toISOString(),
      ...detailsOf(fact),
    };
    return createCloudEvent(SLA_FACT_MESSAGES[fact.type], incident.incidentId, data, origin, fact.at);
  });
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
    ...defined({ slaFact: fact.type, slaId: fact.slaId, slaVersion: fact.version, name: nameOf(slas, fact), kind: fact.kind, target: fact.target }),
    ...defined({ percent: fact.percent, dueAt: fact.dueAt, breached: fact.breached, elapsedMs: fact.elapsedMs, reason: fact.reason }),
  }));
}

/** One target of an incident's clocks as the API shows it (`readSlas` of `@itsm/operation/sla-domain`). */
export function toIncidentSlaView(target: SlaTargetView): IncidentSlaView {
  return defined({
    slaId: target.slaId,
    slaVersion: target.version,
    name: target.name,
    kind: target.kind,
    target: target.target,
    targetMs: target.targetMs,
    stage: target.stage,
    breached: target.breached,
    elapsedMs: target.elapsedMs,
    remainingMs: target.remainingMs,
    pausedMs: target.pausedMs,
    startedAt: target.startedAt?.toISOString(),
    dueAt: target.dueAt?.toISOString(),
    breachedAt: target.breachedAt?.toISOString(),
    endedAt: target.endedAt?.toISOString(),
    attached: target.attached,
  });
}
