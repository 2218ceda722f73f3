import { Principal } from '@itsm/contracts';
import { parseCloudEvent } from '@itsm/contracts/catalog';
import { IncidentCommand, TrackedIncident, applyIncidentCommand, openIncident, startLifecycle } from '@itsm/operation/incident-domain';
import { IncidentSlaContext, RecordSlas, SLA_FACT_MESSAGES, SlaDefinition, SlaFact, advanceSlas, driveIncidentSlas, openIncidentSlas } from '@itsm/operation/sla-domain';
import { incidentSlaEvents, slaTimelineEntries } from './incident-sla.mapper';

/** Every SLA fact becomes an event its catalogue definition accepts whole, and a timeline entry public for an SLA, internal for an OLA. */
describe('SLA facts as events and timeline entries', () => {
  const agent: Principal = { userId: 'agent-1', roles: ['service_desk_agent'], groups: [] };
  const rules = { autoCloseAfterMs: 3_600_000, callerReopenWithinMs: 600_000, calendar: null };
  const t0 = Date.parse('2026-03-02T09:00:00.000Z');
  const minutes = (count: number) => new Date(t0 + count * 60_000);
  const conditions = { start: ['new'], pause: ['on_hold'], resume: ['in_progress'], stop: ['resolved', 'closed'], reset: [], cancel: ['cancelled'] };
  const definition = (slaId: string, fields: Partial<SlaDefinition>): SlaDefinition => ({
    slaId,
    version: 1,
    name: `definition ${slaId}`,
    kind: 'sla',
    appliesTo: { recordType: 'incident' },
    targets: { resolutionMinutes: 60 },
    conditions,
    warningThresholds: [50],
    ...fields,
  });
  const context: IncidentSlaContext = {
    definitions: [
      definition('01a20e2a-fed4-7197-a433-0000000000a1', { name: 'P3 SLA', appliesTo: { recordType: 'incident', priorities: [3] }, targets: { responseMinutes: 10, resolutionMinutes: 60 } }),
      definition('01a20e2a-fed4-7197-a433-0000000000a2', { name: 'P2 SLA', appliesTo: { recordType: 'incident', priorities: [2] }, targets: { resolutionMinutes: 30 } }),
      definition('01a20e2a-fed4-7197-a433-0000000000a3', { name: 'Network OLA', kind: 'ola', targets: { resolutionMinutes: 600 } }),
    ],
    calendars: () => undefined,
  };

  /** An incident (P3) through `steps` and then the scheduler at each of `advances`; returns its clocks and every SLA fact. */
  const walk = (incidentId: string, steps: Array<[IncidentCommand, number]>, advances: number[] = []): { slas: RecordSlas; facts: SlaFact[] } => {
    const opened = openIncident({ incidentId, title: 'VPN drops', callerId: 'caller-1', impact: 2, urgency: 2, reportedAt: minutes(0) }, 'INC0000001', minutes(0));
    let incident: TrackedIncident = startLifecycle(opened).incident;
    let { slas, facts } = openIncidentSlas(incident, context);
    const all = [...facts];
    for (const [command, at] of steps) {
      const decision = applyIncidentCommand(incident, command, { actor: agent, now: minutes(at), rules });
      incident = decision.incident;
      ({ slas, facts } = driveIncidentSlas(slas, incident, decision.facts, context));
      all.push(...facts);
    }
    for (const at of advances) {
      ({ slas, facts } = advanceSlas(slas, minutes(at), context.calendars));
      all.push(...facts);
    }
    return { slas, facts: all };
  };
  const worked = walk(
    '01a20e2a-fed4-7197-a433-736b13a7a69e',
    [
      [{ kind: 'start' }, 1],
      [{ kind: 'hold', reason: 'awaiting_vendor' }, 2],
      [{ kind: 'resume' }, 5],
      [{ kind: 'change-priority', urgency: 1, workNote: 'the whole floor' }, 6],
    ],
    [20, 40], // the P2 SLA's 50 % warning, then its breach
  );
  const resolved = walk('01a20e2a-fed4-7197-a433-736b13a7a69f', [[{ kind: 'resolve', code: 'solved_permanently', notes: 'firmware' }, 3]]);
  const cancelled = walk('01a20e2a-fed4-7197-a433-736b13a7a6a0', [[{ kind: 'cancel', reason: 'not_an_incident' }, 3]]);
  const all = [worked, resolved, cancelled];

  it('covers every fact type, both reasons of a cancellation and both kinds', () => {
    const facts = all.flatMap((walked) => walked.facts);
    expect(new Set(facts.map((fact) => fact.type))).toEqual(new Set(Object.keys(SLA_FACT_MESSAGES)));
    expect(new Set(facts.flatMap((fact) => (fact.reason === undefined ? [] : [fact.reason])))).toEqual(new Set(['no-longer-applies', 'record-cancelled']));
    expect(new Set(facts.map((fact) => fact.kind))).toEqual(new Set(['sla', 'ola']));
  });

  it.each(Object.keys(SLA_FACT_MESSAGES))('%s: its event is accepted by its definition with every field kept', (type) => {
    for (const { slas, facts } of all) {
      const ofType = facts.filter((fact) => fact.type === type);
      for (const event of incidentSlaEvents({ incidentId: '01a20e2a-fed4-7197-a433-736b13a7a69e', number: 'INC0000001' }, 7, slas, ofType, { service: 'operation' })) {
        const parsed = parseCloudEvent(JSON.stringify(event));
        expect(parsed).toMatchObject({ ok: true, definition: SLA_FACT_MESSAGES[type as SlaFact['type']] });
        if (parsed.ok) expect(parsed.event.data).toEqual(event.data);
        expect(event.data).toMatchObject({ recordType: 'incident', recordId: '01a20e2a-fed4-7197-a433-736b13a7a69e', number: 'INC0000001', recordVersion: 7 });
        expect((event.data as { name: string }).name).toMatch(/^(P3 SLA|P2 SLA|Network OLA)$/);
      }
    }
  });

  it('numbers timeline entries after the last one, by the operation service, an SLA public and an OLA or UC internal', () => {
    const entries = slaTimelineEntries(worked.slas, worked.facts, 4);
    expect(entries.map((entry) => entry.seq)).toEqual(worked.facts.map((_, index) => index + 5));
    expect(entries.map((entry) => [entry.type, entry.by, entry.kind, entry.visibility])).toEqual(
      worked.facts.map((fact) => ['sla', 'system:operation', fact.kind, fact.kind === 'sla' ? 'public' : 'internal']),
    );
    expect(entries.find((entry) => entry.slaFact === 'cancelled')).toMatchObject({ name: 'P3 SLA', reason: 'no-longer-applies' });
  });
});
