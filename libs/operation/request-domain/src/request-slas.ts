import { ClockDefinition, NO_SLAS, RecordSlas, SlaCalendars, SlaFact, SlaUpdate, attachSlas, recordSlaEvent } from '@itsm/operation/sla-domain';
import { SlaConditions } from '@itsm/sla-clock';
import { RequestableItem } from './request-lifecycle';
import { RequestFact, ServiceRequest } from './service-request';

/**
 * How the delivery clock reads a request's states: it runs from submission (approval time counts: the
 * requester waits either way, as the leading products count an item's delivery time) until the request
 * closes, and is cancelled by a rejection (nothing is delivered, so nothing is missed).
 */
export const DELIVERY_CONDITIONS: SlaConditions = Object.freeze({
  start: ['awaiting_approval', 'in_fulfilment'],
  pause: [],
  resume: [],
  stop: ['closed'],
  reset: [],
  cancel: ['rejected'],
});

/** Warnings of a delivery target, as percentages of it (escalation reads them from the events). */
export const DELIVERY_WARNING_PERCENTS: readonly number[] = Object.freeze([75, 90]);

/**
 * A catalogue item's delivery target as a clock definition for the SLA engine: an SLA (the requester's
 * agreement) with the item's id and version, a resolution target of `deliveryTargetMinutes` business
 * minutes on `calendarId` (operation's request calendar; absent: 24x7), DELIVERY_CONDITIONS and
 * DELIVERY_WARNING_PERCENTS. Like a definition's, the version is kept: a later revision of the item
 * does not move the target of a request already raised.
 */
export function deliveryDefinition(item: Pick<RequestableItem, 'itemId' | 'version' | 'name' | 'deliveryTargetMinutes'>, calendarId: string | undefined): ClockDefinition {
  return {
    slaId: item.itemId,
    version: item.version,
    name: `Delivery of ${item.name}`,
    kind: 'sla',
    ...(calendarId === undefined ? {} : { calendarId }),
    targets: { resolutionMinutes: item.deliveryTargetMinutes },
    conditions: DELIVERY_CONDITIONS,
    warningThresholds: DELIVERY_WARNING_PERCENTS,
  };
}

/**
 * The clocks of a request just submitted: the delivery definition attached and given the request's
 * first state at submission, then every state move of the submission itself (a request that needs no
 * approval goes to fulfilment at once).
 *
 * Errors: as `attachSlas` (`PrerequisiteMissingError` while the calendar has not reached operation).
 */
export function openRequestSlas(request: Pick<ServiceRequest, 'submittedAt'>, facts: readonly RequestFact[], definition: ClockDefinition, calendars: SlaCalendars): SlaUpdate {
  const opened: RecordSlas = { ...NO_SLAS, history: [{ kind: 'state', state: 'awaiting_approval', at: request.submittedAt.getTime() }] };
  const attached = attachSlas(opened, [definition], request.submittedAt, calendars);
  const driven = driveRequestSlas(attached.slas, facts, calendars);
  return { slas: driven.slas, facts: [...attached.facts, ...driven.facts] };
}

/** The request's clocks after `facts`: each state move (`state-changed`) moves them; other facts leave them. */
export function driveRequestSlas(slas: RecordSlas, facts: readonly RequestFact[], calendars: SlaCalendars): SlaUpdate {
  let current = slas;
  const slaFacts: SlaFact[] = [];
  for (const fact of facts) {
    if (fact.type !== 'state-changed') continue;
    const update = recordSlaEvent(current, { kind: 'state', state: fact.to, at: fact.at.getTime() }, calendars);
    current = update.slas;
    slaFacts.push(...update.facts);
  }
  return { slas: current, facts: slaFacts };
}
