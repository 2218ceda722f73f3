import { BusinessCalendar, WorkingInterval } from '@itsm/business-calendar';
import { Principal } from '@itsm/contracts';
import { Impact, Urgency } from '@itsm/contracts/operation';
import { IncidentCommand, IncidentLifecycleRules, SYSTEM_ACTOR, TrackedIncident, applyIncidentCommand, openIncident, startLifecycle } from '@itsm/operation/incident-domain';
import { SlaConditions } from '@itsm/sla-clock';
import { IncidentSlaContext, driveIncidentSlas, openIncidentSlas } from './incident-slas';
import { RecordSlas, SlaCalendars, SlaFact } from './record-slas';
import { SlaDefinition } from './sla-definition';

/** Test support: calendars, definitions and incident stories written compactly. */
const OFFICE: WorkingInterval[] = [{ start: '08:00', end: '18:00' }];
const officeWeek = (holidays: BusinessCalendar['holidays'] = []): BusinessCalendar => ({
  timeZone: 'Europe/Berlin',
  weeklyHours: { monday: OFFICE, tuesday: OFFICE, wednesday: OFFICE, thursday: OFFICE, friday: OFFICE, saturday: [], sunday: [] },
  holidays,
});

/** Mon–Fri 08:00–18:00, Europe/Berlin, no holidays. */
export const BERLIN_OFFICE = officeWeek();
/** The same calendar revised: Wednesday 2026-11-18 (Buß- und Bettag) added as a holiday. */
export const BERLIN_OFFICE_WITH_HOLIDAY = officeWeek([{ date: '2026-11-18', name: 'Buß- und Bettag' }]);
export const OFFICE_CALENDAR_ID = '019a0000-0000-7000-8000-0000000000c1';

/** A calendar lookup that can be revised, as operation's read model is by design's events. */
export function calendarStore(calendar: BusinessCalendar = BERLIN_OFFICE): { calendars: SlaCalendars; revise: (next: BusinessCalendar) => void } {
  let current = calendar;
  return { calendars: (id) => (id === OFFICE_CALENDAR_ID ? current : undefined), revise: (next) => (current = next) };
}

export const INCIDENT_CONDITIONS: SlaConditions = {
  start: ['new'],
  pause: ['on_hold'],
  resume: ['in_progress'],
  stop: ['resolved', 'closed'],
  reset: [],
  cancel: ['cancelled'],
};

const definition = (slaId: string, fields: Partial<SlaDefinition>): SlaDefinition => ({
  slaId,
  version: 1,
  name: slaId,
  kind: 'sla',
  appliesTo: { recordType: 'incident' },
  calendarId: OFFICE_CALENDAR_ID,
  targets: { resolutionMinutes: 4 * 60 },
  conditions: INCIDENT_CONDITIONS,
  warningThresholds: [50, 75, 90],
  ...fields,
});

/** P1 and P2: respond within 1 business hour, resolve within 4 (H+4). */
export const SLA_P1 = definition('sla-p1', { name: 'P1 resolution', appliesTo: { recordType: 'incident', priorities: [1, 2] }, targets: { responseMinutes: 60, resolutionMinutes: 4 * 60 } });
/** P3 to P5: resolve within 8 business hours. */
export const SLA_P3 = definition('sla-p3', { name: 'P3 resolution', appliesTo: { recordType: 'incident', priorities: [3, 4, 5] }, targets: { resolutionMinutes: 8 * 60 } });
/** The network team's OLA for every priority, 24x7: 6 hours. */
export const OLA_NETWORK = definition('ola-network', { kind: 'ola', name: 'Network OLA', calendarId: undefined, targets: { resolutionMinutes: 6 * 60 }, warningThresholds: [] });
export const DEFINITIONS: readonly SlaDefinition[] = [SLA_P1, SLA_P3];

/** Local Berlin time: `2026-11-20T16:00` is CET (+01:00) unless the string carries its own offset. */
export function at(local: string): Date {
  return new Date(/[Z+]/.test(local.slice(16)) ? local : `${local}+01:00`);
}

export const AGENT: Principal = { userId: 'dave', roles: ['service_desk_agent'], groups: ['desk'] };
export const CALLER: Principal = { userId: 'alice', roles: ['requester'], groups: [] };
const RULES: IncidentLifecycleRules = { autoCloseAfterMs: 3 * 86_400_000, callerReopenWithinMs: 86_400_000 };

/** One step of a story: who, what, when (local time as for `at`). */
export type Step = [Principal | typeof SYSTEM_ACTOR, IncidentCommand, string];

/** Where a story stands: the incident, its SLAs and every SLA fact so far. */
export interface StoryState {
  incident: TrackedIncident;
  slas: RecordSlas;
  facts: SlaFact[];
}

/** An incident story: opened at `openedAt` with impact × urgency, then `steps`, its SLAs driven all along. */
export function story(openedAt: string | { reportedAt: string; createdAt: string }, priority: { impact: Impact; urgency: Urgency }, context: IncidentSlaContext, ...steps: Step[]): StoryState {
  const { reportedAt, createdAt } = typeof openedAt === 'string' ? { reportedAt: openedAt, createdAt: openedAt } : openedAt;
  const opened = openIncident({ incidentId: 'i-1', title: 'VPN drops', callerId: 'alice', ...priority, reportedAt: at(reportedAt) }, 'INC0000001', at(createdAt));
  const incident = startLifecycle(opened, 'desk').incident;
  const first = openIncidentSlas(incident, context);
  return continueStory({ incident, slas: first.slas, facts: [...first.facts] }, context, ...steps);
}

/** The story carried on with `steps`, under `context` (e.g. definitions revised meanwhile). */
export function continueStory(state: StoryState, context: IncidentSlaContext, ...steps: Step[]): StoryState {
  let { incident, slas } = state;
  const facts = [...state.facts];
  for (const [actor, command, time] of steps) {
    const decision = applyIncidentCommand(incident, command, { actor, now: at(time), rules: RULES });
    incident = decision.incident;
    const update = driveIncidentSlas(slas, incident, decision.facts, context);
    slas = update.slas;
    facts.push(...update.facts);
  }
  return { incident, slas, facts };
}

/** Facts as `<type> <slaId>/<target>[ <percent>] @<ISO instant>`. */
export function written(facts: readonly SlaFact[]): string[] {
  return facts.map((fact) => `${fact.type} ${fact.slaId}/${fact.target}${fact.percent === undefined ? '' : ` ${fact.percent}`} @${fact.at.toISOString()}`);
}
