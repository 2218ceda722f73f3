import { INCIDENT_LIMITS, IncidentState } from '@itsm/contracts/operation';
import { ParentLinkParty, ParentLinkProblem, childResolveCommand, parentLinkProblem } from './incident-parent';

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
