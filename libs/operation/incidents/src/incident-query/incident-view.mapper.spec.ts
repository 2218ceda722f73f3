import { openIncident, startLifecycle } from '@itsm/operation/incident-domain';
import { NO_SLAS, SlaTargetView } from '@itsm/operation/sla-domain';
import { toIncidentView } from './incident-view.mapper';

/** The clocks an incident's view shows: all of them to whoever reads every incident, the SLAs alone to its caller. */
describe('toIncidentView clocks', () => {
  const at = new Date('2026-03-02T09:00:00.000Z');
  const incident = startLifecycle(openIncident({ incidentId: '01a20e2a-fed4-7197-a433-736b13a7a69e', title: 'VPN drops', callerId: 'caller-1', impact: 2, urgency: 2, reportedAt: at }, 'INC0000001', at)).incident;
  const clock = (slaId: string, kind: SlaTargetView['kind'], breached: boolean): SlaTargetView => ({
    slaId,
    version: 1,
    name: slaId,
    kind,
    target: 'resolution',
    targetMs: 3_600_000,
    stage: breached ? 'breached' : 'in_progress',
    breached,
    elapsedMs: breached ? 4_000_000 : 60_000,
    remainingMs: breached ? -400_000 : 3_540_000,
    pausedMs: 0,
    startedAt: at,
    dueAt: new Date(at.getTime() + 3_600_000),
    attached: true,
  });
  const sla = { slas: { ...NO_SLAS, breached: true, nextDueAt: at.getTime() + 1_800_000 }, clocks: [clock('sla-1', 'sla', false), clock('ola-1', 'ola', true), clock('uc-1', 'uc', false)] };

  it.each([
    ['all', ['sla-1', 'ola-1', 'uc-1'], true, '2026-03-02T09:30:00.000Z'],
    ['public', ['sla-1'], false, undefined],
  ] as const)('%s: shows %j, breached %s, next due %s', (audience, shown, breached, nextDueAt) => {
    const view = toIncidentView(incident, 1, sla, audience, at);
    expect(view.slas.map((target) => target.slaId)).toEqual(shown);
    expect(view.slaBreached).toBe(breached);
    expect(view.slaNextDueAt).toBe(nextDueAt);
    expect(view.slas[0]).toEqual({ slaId: 'sla-1', slaVersion: 1, name: 'sla-1', kind: 'sla', target: 'resolution', targetMs: 3_600_000, stage: 'in_progress', breached: false, elapsedMs: 60_000, remainingMs: 3_540_000, pausedMs: 0, startedAt: '2026-03-02T09:00:00.000Z', dueAt: '2026-03-02T10:00:00.000Z', attached: true });
  });
});

/** The incident's view shows the problem it is linked to, and never the keys of what problem management put on its timeline. */
describe('toIncidentView problem', () => {
  const at = new Date('2026-03-02T09:00:00.000Z');
  const incident = startLifecycle(openIncident({ incidentId: '01a20e2a-fed4-7197-a433-736b13a7a69e', title: 'Mail stuck', callerId: 'caller-1', impact: 2, urgency: 2, reportedAt: at }, 'INC0000001', at)).incident;

  it.each([
    ['linked', { problemId: '01a20e2a-fed4-7197-a433-736b13a7a6b0', problemNumber: 'PRB0000001', problemNotices: ['workaround:k:2'] }, { problemId: '01a20e2a-fed4-7197-a433-736b13a7a6b0', problemNumber: 'PRB0000001' }],
    ['not linked', {}, {}],
  ] as const)('%s', (_case, link, shown) => {
    const view = toIncidentView({ ...incident, ...link }, 1, { slas: NO_SLAS, clocks: [] }, 'all', at);
    expect({ problemId: view.problemId, problemNumber: view.problemNumber }).toEqual({ problemId: undefined, problemNumber: undefined, ...shown });
    expect(view).not.toHaveProperty('problemNotices');
  });
});
