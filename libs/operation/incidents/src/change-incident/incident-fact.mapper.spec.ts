import { Principal } from '@itsm/contracts';
import { parseCloudEvent } from '@itsm/contracts/catalog';
import { IncidentCommand, IncidentFact, SYSTEM_ACTOR, TrackedIncident, applyIncidentCommand, openIncident, startLifecycle } from '@itsm/operation/incident-domain';
import { INCIDENT_FACT_MESSAGES, incidentFactEvents, timelineEntries } from './incident-fact.mapper';

/** Every fact of the lifecycle becomes an event its catalogue definition accepts whole, and a timeline entry of the right visibility. */
describe('incident facts as events and timeline entries', () => {
  const agent: Principal = { userId: 'agent-1', roles: ['service_desk_agent'], groups: [] };
  const caller: Principal = { userId: 'caller-1', roles: ['requester'], groups: [] };
  const rules = { autoCloseAfterMs: 3_600_000, callerReopenWithinMs: 600_000, calendar: null };
  const t0 = Date.parse('2026-03-02T09:00:00.000Z');
  const minutes = (count: number) => new Date(t0 + count * 60_000);
  const report = (incidentId: string) =>
    openIncident({ incidentId, title: 'VPN drops', callerId: caller.userId, impact: 2, urgency: 2, reportedAt: minutes(0) }, 'INC0000001', minutes(0));

  /** Runs the steps on the incident; returns every fact, intake's included. */
  const walk = (incidentId: string, steps: Array<[IncidentCommand, Principal | typeof SYSTEM_ACTOR, number]>): IncidentFact[] => {
    const started = startLifecycle(report(incidentId), 'network');
    let incident: TrackedIncident = started.incident;
    const facts = [...started.facts];
    for (const [command, actor, at] of steps) {
      const decision = applyIncidentCommand(incident, command, { actor, now: minutes(at), rules });
      incident = decision.incident;
      facts.push(...decision.facts);
    }
    return facts;
  };
  const group = { groupId: 'network', memberIds: ['agent-1'] };
  const facts = [
    ...walk('01a20e2a-fed4-7197-a433-736b13a7a69e', [
      [{ kind: 'assign', group: { groupId: 'databases', memberIds: ['agent-1'] }, assigneeId: 'agent-1' }, agent, 1],
      [{ kind: 'assign', group }, agent, 2],
      [{ kind: 'start' }, agent, 3],
      [{ kind: 'hold', reason: 'awaiting_vendor', workNote: 'vendor case 7' }, agent, 4],
      [{ kind: 'resume' }, agent, 5],
      [{ kind: 'change-priority', impact: 1, workNote: 'the whole floor' }, agent, 6],
      [{ kind: 'comment', text: 'on it' }, agent, 7],
      [{ kind: 'resolve', code: 'solved_permanently', notes: 'firmware' }, agent, 8],
      [{ kind: 'reopen', reason: 'again' }, caller, 9],
      [{ kind: 'child-linked', childId: '01a20e2a-fed4-7197-a433-736b13a7a6a2', childNumber: 'INC0000010' }, SYSTEM_ACTOR, 10],
      [{ kind: 'child-unlinked', childId: '01a20e2a-fed4-7197-a433-736b13a7a6a2', childNumber: 'INC0000010' }, SYSTEM_ACTOR, 10],
      [{ kind: 'link-parent', parent: { incidentId: '01a20e2a-fed4-7197-a433-736b13a7a6a1', number: 'INC0000009', state: 'new', childCount: 0 }, childCount: 0 }, agent, 10],
      [{ kind: 'unlink-parent' }, agent, 10],
      [{ kind: 'resolve', code: 'solved_workaround', notes: 'split tunnel' }, agent, 10],
      [{ kind: 'close' }, caller, 11],
    ]),
    ...walk('01a20e2a-fed4-7197-a433-736b13a7a69f', [[{ kind: 'cancel', reason: 'duplicate', duplicateOf: '01a20e2a-fed4-7197-a433-736b13a7a69e', note: 'same' }, agent, 1]]),
    ...walk('01a20e2a-fed4-7197-a433-736b13a7a6a0', [
      [{ kind: 'resolve', code: 'user_error', notes: 'explained' }, agent, 1],
      [{ kind: 'auto-close' }, SYSTEM_ACTOR, 70],
    ]),
    ...walk('01a20e2a-fed4-7197-a433-736b13a7a6a1', [
      [{ kind: 'link-problem', problemId: '01a20e2a-fed4-7197-a433-736b13a7a6b0', problemNumber: 'PRB0000001', workarounds: [{ key: 'workaround:k:1', note: 'use webmail' }] }, SYSTEM_ACTOR, 1],
      [{ kind: 'unlink-problem', problemId: '01a20e2a-fed4-7197-a433-736b13a7a6b0', problemNumber: 'PRB0000001' }, SYSTEM_ACTOR, 2],
    ]),
    ...walk('01a20e2a-fed4-7197-a433-736b13a7a6a3', [
      [{ kind: 'link-change', changeId: '01a20e2a-fed4-7197-a433-736b13a7a6c0', changeNumber: 'CHG0000001' }, agent, 1],
      [{ kind: 'link-change', changeId: '01a20e2a-fed4-7197-a433-736b13a7a6c1' }, agent, 2],
      [{ kind: 'unlink-change' }, agent, 3],
    ]),
  ];

  it('covers every fact type', () => {
    expect(new Set(facts.map((fact) => fact.type))).toEqual(new Set(Object.keys(INCIDENT_FACT_MESSAGES)));
  });

  it.each(Object.keys(INCIDENT_FACT_MESSAGES))('%s: its event is accepted by its definition with every field kept', (type) => {
    const incident = startLifecycle(report('01a20e2a-fed4-7197-a433-736b13a7a69e')).incident;
    const ofType = facts.filter((fact) => fact.type === type);
    for (const event of incidentFactEvents(incident, 7, ofType, { service: 'operation', actorId: 'agent-1' })) {
      const parsed = parseCloudEvent(JSON.stringify(event));
      expect(parsed).toMatchObject({ ok: true, definition: INCIDENT_FACT_MESSAGES[type as IncidentFact['type']] });
      if (parsed.ok) expect(parsed.event.data).toEqual(event.data);
      expect(event.data).toMatchObject({ incidentId: incident.incidentId, number: 'INC0000001', version: 7 });
    }
  });

  it('numbers timeline entries after the last one and marks only work notes internal', () => {
    const entries = timelineEntries(facts.slice(0, 12), 4);
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 12 }, (_, index) => index + 5));
    for (const entry of entries) {
      const internal = entry.type === 'commented' && (facts[entry.seq - 5] as Extract<IncidentFact, { type: 'commented' }>).visibility === 'internal';
      expect({ seq: entry.seq, visibility: entry.visibility }).toEqual({ seq: entry.seq, visibility: internal ? 'internal' : 'public' });
    }
  });
});
