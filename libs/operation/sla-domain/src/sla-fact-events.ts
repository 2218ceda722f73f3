import { CloudEvent, CloudEventOrigin, MessageDefinition, createCloudEvent, uuidV7Of } from '@itsm/contracts';
import {
  IncidentSlaView,
  SLA_BREACHED_V1,
  SLA_CANCELLED_V1,
  SLA_COMPLETED_V1,
  SLA_PAUSED_V1,
  SLA_RESUMED_V1,
  SLA_STARTED_V1,
  SLA_WARNING_V1,
  SlaClockRecordType,
  SlaFactFieldsV1,
} from '@itsm/contracts/operation';
import { RecordSlas, SlaFact } from './record-slas';
import { slaFiringId } from './sla-firings';
import { SlaTargetView } from './sla-view';
import { withoutUndefined as defined } from './without-undefined';

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

/** The record a clock runs on, as its SLA events name it. */
export interface SlaRecordRef {
  readonly recordType: SlaClockRecordType;
  readonly recordId: string;
  /** Its number, e.g. INC0000042. */
  readonly number: string;
}

/** The definition's name as the record attached it (facts name the definition by id and version). */
export function slaNameOf(slas: RecordSlas, fact: SlaFact): string {
  return slas.attachments.find((attachment) => attachment.slaId === fact.slaId && attachment.version === fact.version)?.name ?? fact.slaId;
}

/** A fact's own details (what its type carries beside the common fields), dates as RFC 3339. */
function detailsOf(fact: SlaFact): Record<string, unknown> {
  return defined({ percent: fact.percent, dueAt: fact.dueAt?.toISOString(), breached: fact.breached, elapsedMs: fact.elapsedMs, reason: fact.reason });
}

/**
 * The SLA events of one change of a record (`slas` as the change leaves them, for the definitions'
 * names), each carrying the record and the version the change writes; subject the record's id. A warning's
 * or breach's event id is named by its firing (`uuidV7Of` of `slaFiringId`): the SLA sweep and a change that
 * both report it (the change came between the sweep's firing and its record) report one event, which
 * consumers deduplicate by id.
 */
export function slaFactEvents(record: SlaRecordRef, version: number, slas: RecordSlas, facts: readonly SlaFact[], origin: CloudEventOrigin): CloudEvent[] {
  return facts.map((fact) => {
    const data: SlaFactFieldsV1 = {
      recordType: record.recordType,
      recordId: record.recordId,
      number: record.number,
      recordVersion: version,
      slaId: fact.slaId,
      slaVersion: fact.version,
      name: slaNameOf(slas, fact),
      kind: fact.kind,
      target: fact.target,
      at: fact.at.toISOString(),
      ...detailsOf(fact),
    };
    const id = fact.firing === undefined ? undefined : uuidV7Of(fact.at.getTime(), `${record.recordType}:${slaFiringId(record.recordId, fact.firing)}`);
    return createCloudEvent(SLA_FACT_MESSAGES[fact.type], record.recordId, data, origin, fact.at, id);
  });
}

/** One target of a record's clocks as the API shows it (`readSlas`), for incidents and requests alike. */
export function toSlaTargetView(target: SlaTargetView): IncidentSlaView {
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
