import { RuleViolationError, StateConflictError } from '@itsm/contracts';
import { INCIDENT_LIMITS, IncidentState } from '@itsm/contracts/operation';
import { IncidentCommand } from './incident-commands';
import { IncidentFact } from './incident-facts';
import { SYSTEM_ACTOR, TrackedIncident, applyIncidentCommand, startLifecycle } from './incident-lifecycle';
import { PARENT_MAX_CHILDREN, ParentLinkParty, ParentLinkProblem, childResolveCommand, parentLinkProblem } from './incident-parent';
import { openIncident } from './open-incident';

const party = (incidentId: string, state: IncidentState, extra: Partial<ParentLinkParty> = {}): ParentLinkParty => ({ incidentId, state, childCount: 0, ...extra });

describe('parentLinkProblem', () => {
  it.each<[string, ParentLinkParty, ParentLinkParty, ParentLinkProblem | undefined]>([
    ['an open child under an open parent', party('c', 'new'), party('p', 'in_progress'), undefined],
    ['a child on hold under a parent on hold', party('c', 'on_hold'), party('p', 'on_hold'), undefined],
    ['a parent that already has other children', party('c', 'new'), party('p', 'new', { childCount: 3 }), undefined],
    ['a child moved from another parent', party('c', 'new', { parentId: 'old' }), party('p', 'new'), undefined],
    ['itself', party('c', 'new'), party('c', 'new'), 'self'],
    ['a resolved child', party('c', 'resolved'), party('p', 'new'), 'child-not-open'],
    ['a closed child', party('c', 'closed'), party('p', 'new'), 'child-not-open'],
    ['a cancelled child', party('c', 'cancelled'), party('p', 'new'), 'child-not-open'],
    ['a child that is itself a parent (one level deep)', party('c', 'new', { childCount: 1 }), party('p', 'new'), 'child-has-children'],
    ['a resolved parent', party('c', 'new'), party('p', 'resolved'), 'parent-not-open'],
    ['a closed parent', party('c', 'new'), party('p', 'closed'), 'parent-not-open'],
    ['a cancelled parent', party('c', 'new'), party('p', 'cancelled'), 'parent-not-open'],
    ['a parent that is itself a child (one level deep, so no cycle)', party('c', 'new'), party('p', 'new', { parentId: 'c' }), 'parent-has-parent'],
    ['a parent that is a child of a third incident', party('c', 'new'), party('p', 'new', { parentId: 'x' }), 'parent-has-parent'],
    ['a parent one child short of the most it takes', party('c', 'new'), party('p', 'new', { childCount: PARENT_MAX_CHILDREN - 1 }), undefined],
    ['a parent with the most children it takes', party('c', 'new'), party('p', 'new', { childCount: PARENT_MAX_CHILDREN }), 'parent-full'],
  ])('%s: %p', (_case, child, parent, problem) => {
    expect(parentLinkProblem(child, parent)).toBe(problem);
  });
});

describe('childResolveCommand (the cascade of a parent resolved or closed)', () => {
  const parent = { parentNumber: 'INC0000042', code: 'solved_permanently' as const, notes: 'Mail relay restarted' };

  it.each<[IncidentState, boolean]>([
    ['new', true],
    ['in_progress', true],
    ['on_hold', true],
    ['resolved', false],
    ['closed', false],
    ['cancelled', false],
  ])('a child %s is resolved with its parent: %p', (state, resolved) => {
    const command = childResolveCommand(state, parent);
    expect(command === undefined).toBe(!resolved);
    if (command) expect(command).toEqual({ kind: 'resolve', code: 'solved_permanently', notes: 'Resolved with its parent incident INC0000042: Mail relay restarted' });
  });

  it('keeps the note within the limit of a note', () => {
    const command = childResolveCommand('new', { ...parent, notes: 'x'.repeat(INCIDENT_LIMITS.noteMaxLength) });
    expect(command?.notes).toHaveLength(INCIDENT_LIMITS.noteMaxLength);
  });
});

describe('linking and unlinking through the lifecycle (applyIncidentCommand)', () => {
  const agent = { userId: 'dave', roles: ['service_desk_agent' as const], groups: [] };
  const rules = { autoCloseAfterMs: 3_600_000, callerReopenWithinMs: 600_000, calendar: null };
  const now = new Date('2026-11-20T16:30:00Z');
  const child = (extra: Partial<TrackedIncident> = {}): TrackedIncident => ({
    ...startLifecycle(openIncident({ incidentId: 'c', title: 'No mail', callerId: 'alice', impact: 2, urgency: 2, reportedAt: new Date('2026-11-20T16:00:00Z') }, 'INC0000002', new Date('2026-11-20T16:00:00Z'))).incident,
    ...extra,
  });
  const link = (parent: Partial<ParentLinkParty> = {}, childCount = 0): IncidentCommand => ({
    kind: 'link-parent',
    parent: { incidentId: 'p', number: 'INC0000001', state: 'in_progress', childCount: 0, ...parent },
    childCount,
  });

  it.each<[string, TrackedIncident, IncidentCommand, string | undefined]>([
    ['an open child under an open parent', child(), link(), undefined],
    ['a child moved to another parent', child({ parentId: 'old' }), link(), undefined],
    ['itself', child(), link({ incidentId: 'c' }), 'an incident cannot be its own parent'],
    ['a child that has children', child(), link({}, 1), 'this incident is a parent itself; a child may not have children (one level deep)'],
    ['a closed parent', child(), link({ state: 'closed' }), 'the parent must be new, in progress or on hold'],
    ['a parent that is a child', child(), link({ parentId: 'x' }), 'the parent is a child itself; link to its parent instead (one level deep)'],
    ['the parent it already has', child({ parentId: 'p' }), link(), 'the incident is already a child of INC0000001'],
  ])('link %s', (_case, incident, command, refusal) => {
    const act = () => applyIncidentCommand(incident, command, { actor: agent, now, rules });
    if (refusal === undefined) {
      const { incident: linked, facts } = act();
      expect(linked.parentId).toBe('p');
      expect(facts).toEqual([{ type: 'parent-linked', at: now, by: 'dave', parentId: 'p', parentNumber: 'INC0000001', ...(incident.parentId ? { previousParentId: incident.parentId } : {}) }]);
    } else {
      expect(act).toThrow(RuleViolationError);
      expect(act).toThrow(refusal);
    }
  });

  it.each<[string, TrackedIncident, IncidentCommand, (new (...args: never[]) => Error) | IncidentFact['type']]>([
    ['a child leaves its parent', child({ parentId: 'p' }), { kind: 'unlink-parent' }, 'parent-unlinked'],
    ['an incident without a parent has none to leave', child(), { kind: 'unlink-parent' }, StateConflictError],
    ['a parent records a child', child(), { kind: 'child-linked', childId: 'x', childNumber: 'INC0000003' }, 'child-linked'],
    ['a parent that became a child takes none (the link is taken back)', child({ parentId: 'q' }), { kind: 'child-linked', childId: 'x', childNumber: 'INC0000003' }, StateConflictError],
    ['a closed parent records a child that left', { ...child(), state: 'closed' }, { kind: 'child-unlinked', childId: 'x', childNumber: 'INC0000003' }, 'child-unlinked'],
  ])('%s', (_case, incident, command, outcome) => {
    const actor = command.kind === 'unlink-parent' ? agent : SYSTEM_ACTOR;
    const act = () => applyIncidentCommand(incident, command, { actor, now, rules });
    if (typeof outcome === 'string') {
      const { incident: after, facts } = act();
      expect(facts.map((fact) => fact.type)).toEqual([outcome]);
      expect(after.parentId).toBe(command.kind === 'unlink-parent' ? undefined : incident.parentId);
    } else {
      expect(act).toThrow(outcome);
    }
  });

  it('resolves a child with its parent as the operation service', () => {
    const command = childResolveCommand('in_progress', { parentNumber: 'INC0000001', code: 'solved_workaround', notes: 'Relay restarted' });
    if (command === undefined) throw new Error('an open child is resolved with its parent');
    const { incident, facts } = applyIncidentCommand(child({ parentId: 'p' }), { ...command, kind: 'resolve-with-parent' }, { actor: SYSTEM_ACTOR, now, rules });
    expect(incident.resolution).toMatchObject({ code: 'solved_workaround', notes: 'Resolved with its parent incident INC0000001: Relay restarted', resolvedBy: 'system:operation' });
    expect(facts).toMatchObject([{ type: 'resolved', from: 'new', to: 'resolved', by: 'system:operation', firstContact: false }]);
  });
});
