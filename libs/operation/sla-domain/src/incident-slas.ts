import { IncidentFact, TrackedIncident, stateMoveOf } from '@itsm/operation/incident-domain';
import { NO_SLAS, RecordSlas, SlaCalendars, SlaFact, SlaUpdate, attachSlas, recordSlaEvent } from './record-slas';
import { SlaDefinition, applicableDefinitions } from './sla-definition';

/** What driving an incident's SLAs needs besides the incident: the latest version of every definition, and the calendars. */
export interface IncidentSlaContext {
  readonly definitions: readonly SlaDefinition[];
  readonly calendars: SlaCalendars;
}

/** The fields of an incident that attach definitions and start the clocks. */
export type IncidentSlaSubject = Pick<TrackedIncident, 'state' | 'priority' | 'serviceId' | 'reportedAt' | 'createdAt'>;

/**
 * The SLAs of a newly opened incident: the definitions that apply to its priority and service
 * attached, their clocks given its first state when it was reported (so a definition that starts
 * on `new` starts then). `reportedAt` is the gateway's clock when it accepted the report (never the
 * caller's), so the time a report waited in the intake queue counts against the provider, as the
 * caller experienced it; an instant after `createdAt` (clocks of two servers) counts from `createdAt`.
 */
export function openIncidentSlas(incident: IncidentSlaSubject, context: IncidentSlaContext): SlaUpdate {
  const startedAt = Math.min(incident.reportedAt.getTime(), incident.createdAt.getTime());
  const opened: RecordSlas = { ...NO_SLAS, history: [{ kind: 'state', state: incident.state, at: startedAt }] };
  return attachSlas(opened, applicableTo(incident, context), new Date(startedAt), context.calendars);
}

/**
 * The incident's SLAs after `facts` (what `applyIncidentCommand` reported, in order; `incident` is
 * the incident after them), with what happened to the clocks:
 *
 * - a fact that moves the state (`stateMoveOf`) moves every clock by its definition's conditions;
 * - `responded` is the first response (the response targets complete);
 * - `priority-changed` to another priority attaches the definitions that apply now and detaches
 *   those that no longer do (the new clocks count from the incident's start and keep its pauses);
 * - other facts (assignment, comments) do not touch the clocks.
 *
 * Errors: as `attachSlas` and `recordSlaEvent`.
 */
export function driveIncidentSlas(slas: RecordSlas, incident: Pick<TrackedIncident, 'serviceId'>, facts: readonly IncidentFact[], context: IncidentSlaContext): SlaUpdate {
  let current = slas;
  const slaFacts: SlaFact[] = [];
  const step = (update: SlaUpdate) => {
    current = update.slas;
    slaFacts.push(...update.facts);
  };
  for (const fact of facts) {
    const move = stateMoveOf(fact);
    if (move !== undefined) step(recordSlaEvent(current, { kind: 'state', state: move.to, at: move.at.getTime() }, context.calendars));
    else if (fact.type === 'responded') step(recordSlaEvent(current, { kind: 'response', at: fact.at.getTime() }, context.calendars));
    else if (fact.type === 'priority-changed' && fact.after.priority !== fact.before.priority) {
      step(attachSlas(current, applicableTo({ priority: fact.after.priority, serviceId: incident.serviceId }, context), fact.at, context.calendars));
    }
  }
  return { slas: current, facts: slaFacts };
}

function applicableTo(incident: Pick<TrackedIncident, 'priority' | 'serviceId'>, context: IncidentSlaContext): SlaDefinition[] {
  return applicableDefinitions(context.definitions, { recordType: 'incident', priority: incident.priority, serviceId: incident.serviceId });
}
