import { ForbiddenError, Principal, Role, RuleViolationError, StateConflictError } from '@itsm/contracts';
import { ApprovalAuthorities } from './change-approval';
import { CANCELLABLE_CHANGE_STATES, CHANGE_COMMANDS, ChangeCommand, ChangeCommandKind } from './change-commands';
import { ChangeConflict, ChangeConflictError, detectChangeConflicts } from './change-conflicts';
import { Change, ChangeTemplate, TRANSITION_SYSTEM, applyChangeCommand, openChange } from './change-lifecycle';
import { CHANGE_STATES, CHANGE_TYPES, ChangeState, ChangeType } from '@itsm/contracts/transition';
import { CHANGE_PATHS } from './change-model';
import { RiskAnswers } from './change-risk';

const user = (userId: string, roles: Role[], groups: string[] = []): Principal => ({ userId, roles, groups });
const RITA = user('rita', ['resolver'], ['dba']);
const ROB = user('rob', ['resolver'], ['network']);
const MIA = user('mia', ['change_manager']);
const GINA = user('gina', ['resolver'], ['dba']);
const CARL = user('carl', ['cab_member']);
const CORA = user('cora', ['cab_member']);
const ERIN = user('erin', ['cab_member']);
const ADMIN = user('root', ['administrator']);

const AUTHORITIES: ApprovalAuthorities = {
  groupManagerId: 'gina',
  cab: { memberIds: ['carl', 'cora'], rule: { kind: 'all' } },
  ecab: { memberIds: ['erin', 'root'], rule: { kind: 'any' } },
};
const SAFE: RiskAnswers = { userImpact: 'none', outage: 'none', testing: 'tested', backout: 'tested', experience: 'done_before' };
const RISKY: RiskAnswers = { userImpact: 'organisation', outage: 'full', testing: 'untested', backout: 'untested', experience: 'never_done' };
const PLANS = { implementation: 'Run the upgrade script', backout: 'Restore the snapshot', test: 'Run the smoke tests' };
const WINDOW = { start: new Date('2026-12-06T02:00:00Z'), end: new Date('2026-12-06T04:00:00Z') };
const TEMPLATE: ChangeTemplate = { templateId: 't-patch', name: 'Monthly OS patch', plans: PLANS, itemIds: ['srv-1'], active: true };

let clock = Date.parse('2026-12-01T09:00:00Z');
const tick = () => new Date((clock += 60_000));

function opened(type: ChangeType): Change {
  return openChange(
    { changeId: `c-${type}`, type, title: 'Upgrade the database', changeGroupId: 'dba', itemIds: type === 'standard' ? undefined : ['db-1'], plans: type === 'standard' ? undefined : PLANS, plannedWindow: WINDOW },
    'CHG0000001',
    'rita',
    tick(),
    type === 'standard' ? TEMPLATE : undefined,
  );
}

function run(change: Change, ...steps: [Principal | typeof TRANSITION_SYSTEM, ChangeCommand][]) {
  let current = change;
  const facts = [];
  for (const [actor, command] of steps) {
    const decision = applyChangeCommand(current, command, { actor, now: tick() });
    current = decision.change;
    facts.push(...decision.facts);
  }
  return { change: current, facts };
}

const SUBMIT: ChangeCommand = { kind: 'submit', authorities: AUTHORITIES };
const ASSESS_LOW: ChangeCommand = { kind: 'assess', riskAnswers: SAFE, affectedCriticalities: ['low'], authorities: AUTHORITIES };
const ASSESS_HIGH: ChangeCommand = { kind: 'assess', riskAnswers: RISKY, affectedCriticalities: [], authorities: AUTHORITIES };
const approve = (comment = 'Fine by me'): ChangeCommand => ({ kind: 'vote', decision: 'approve', comment });
const SCHEDULE: ChangeCommand = { kind: 'schedule', conflicts: [] };
const START: ChangeCommand = { kind: 'start-implementation' };
const COMPLETE: ChangeCommand = { kind: 'complete-implementation', notes: 'Upgraded, smoke tests green' };
const REVIEW: ChangeCommand = { kind: 'review', summary: 'Went to plan', lessons: ' Take the snapshot earlier ' };
const CLOSE: ChangeCommand = { kind: 'close', code: 'successful', notes: 'Done' };

/** Every type walked along its path by the roles the table names. */
const WALKS: Record<ChangeType, [Principal, ChangeCommand][]> = {
  standard: [
    [RITA, SCHEDULE],
    [RITA, START],
    [RITA, COMPLETE],
    [MIA, CLOSE],
  ],
  normal: [
    [RITA, SUBMIT],
    [MIA, ASSESS_LOW],
    [GINA, approve()],
    [MIA, SCHEDULE],
    [RITA, START],
    [RITA, COMPLETE],
    [MIA, REVIEW],
    [MIA, CLOSE],
  ],
  emergency: [
    [RITA, SUBMIT],
    [ERIN, approve('Go, the outage costs more')],
    [MIA, SCHEDULE],
    [RITA, START],
    [RITA, COMPLETE],
    [MIA, REVIEW],
    [MIA, CLOSE],
  ],
};

describe('the change paths', () => {
  it.each(CHANGE_TYPES)('a %s change passes through its path, and only it', (type) => {
    const visited: ChangeState[] = ['new'];
    let change = opened(type);
    for (const step of WALKS[type]) {
      change = run(change, step).change;
      if (visited[visited.length - 1] !== change.state) visited.push(change.state);
    }
    expect(visited).toEqual(CHANGE_PATHS[type]);
  });

  it('records the facts of a normal change in order, dated and signed', () => {
    const { facts } = run(opened('normal'), ...WALKS.normal);
    expect(facts.map((fact) => [fact.type, fact.by, fact.state])).toEqual([
      ['submitted', 'rita', 'assess'],
      ['assessed', 'mia', 'authorize'],
      ['approval-requested', 'mia', 'authorize'],
      ['voted', 'gina', 'authorize'],
      ['approved', 'gina', 'authorize'],
      ['scheduled', 'mia', 'scheduled'],
      ['implementation-started', 'rita', 'implement'],
      ['implementation-completed', 'rita', 'review'],
      ['reviewed', 'mia', 'review'],
      ['closed', 'mia', 'closed'],
    ]);
  });

  it('keeps what each step recorded', () => {
    const { change } = run(opened('normal'), ...WALKS.normal);
    expect(change).toMatchObject({
      risk: 'low',
      riskAssessment: { score: 0, risk: 'low' },
      approval: { approverKind: 'group_manager', approverIds: ['gina'], outcome: 'approved', votes: [{ approverId: 'gina', decision: 'approve', comment: 'Fine by me' }] },
      implementationNotes: 'Upgraded, smoke tests green',
      review: { summary: 'Went to plan', lessons: 'Take the snapshot earlier', reviewedBy: 'mia' },
      closure: { code: 'successful', notes: 'Done', closedBy: 'mia' },
    });
  });
});

/** A change of each type in each state it can reach, moved there by an administrator. */
function inState(type: ChangeType, state: ChangeState): Change | undefined {
  if (state === 'cancelled') return run(opened(type), [ADMIN, { kind: 'cancel', reason: 'Not needed' }]).change;
  let change = opened(type);
  for (const step of WALKS[type]) {
    if (change.state === state) return change;
    change = run(change, [step[1].kind === 'vote' ? step[0] : ADMIN, step[1]]).change;
  }
  return change.state === state ? change : undefined;
}

const COMMANDS: Record<ChangeCommandKind, ChangeCommand> = {
  submit: SUBMIT,
  assess: ASSESS_HIGH,
  vote: approve(),
  schedule: SCHEDULE,
  replan: { kind: 'replan', plannedWindow: WINDOW, conflicts: [] },
  'refresh-conflicts': { kind: 'refresh-conflicts', conflicts: [] },
  'start-implementation': START,
  'complete-implementation': COMPLETE,
  review: REVIEW,
  close: CLOSE,
  cancel: { kind: 'cancel', reason: 'Superseded' },
};

describe('the lifecycle table', () => {
  const cases = CHANGE_TYPES.flatMap((type) =>
    CHANGE_STATES.filter((state) => inState(type, state) !== undefined).flatMap((state) =>
      (Object.keys(COMMANDS) as ChangeCommandKind[]).map((kind) => [type, state, kind, CHANGE_COMMANDS[kind].from[type]?.includes(state) ?? false] as const),
    ),
  );

  it.each(cases)('%s change in %s, %s: allowed %s', (type, state, kind, allowed) => {
    const change = inState(type, state) as Change;
    const actor = kind === 'refresh-conflicts' ? TRANSITION_SYSTEM : ADMIN;
    const attempt = () => applyChangeCommand(change, COMMANDS[kind], { actor, now: tick() });
    if (!allowed) {
      expect(attempt).toThrow(StateConflictError);
      expect(attempt).toThrow(/is not allowed/);
    } else {
      // Allowed by state: whatever else it may refuse (the administrator is no approver), never the state.
      try {
        attempt();
      } catch (error) {
        expect(String(error)).not.toMatch(/is not allowed/);
      }
    }
  });

  it('allows cancellation up to Implement, not from Review, Closed or Cancelled', () => {
    expect(CANCELLABLE_CHANGE_STATES).toEqual(['new', 'assess', 'authorize', 'scheduled', 'implement']);
    const { change, facts } = run(inState('normal', 'implement') as Change, [MIA, { kind: 'cancel', reason: ' Vendor pulled the patch ' }]);
    expect(change).toMatchObject({ state: 'cancelled', cancellation: { reason: 'Vendor pulled the patch', fromState: 'implement', cancelledBy: 'mia' } });
    expect(facts.map((fact) => fact.type)).toEqual(['cancelled']);
    for (const state of ['review', 'closed', 'cancelled'] as const) expect(() => run(inState('normal', state) as Change, [MIA, COMMANDS.cancel])).toThrow(StateConflictError);
  });
});

describe('roles per transition', () => {
  it.each<[string, Principal, ChangeType, ChangeState, ChangeCommand, boolean]>([
    ['a resolver submits', RITA, 'normal', 'new', SUBMIT, true],
    ['a CAB member does not submit', CARL, 'normal', 'new', SUBMIT, false],
    ['a resolver does not assess', RITA, 'normal', 'assess', ASSESS_LOW, false],
    ['a change manager assesses', MIA, 'normal', 'assess', ASSESS_LOW, true],
    ['a resolver schedules a standard change', RITA, 'standard', 'new', SCHEDULE, true],
    ['a resolver does not schedule an approved normal change', RITA, 'normal', 'authorize', SCHEDULE, false],
    ['a resolver implements their group\'s change', RITA, 'normal', 'scheduled', START, true],
    ['a resolver does not implement another group\'s change', ROB, 'normal', 'scheduled', START, false],
    ['a CAB member does not implement', CARL, 'normal', 'scheduled', START, false],
    ['a resolver replans a draft', RITA, 'normal', 'new', COMMANDS.replan, true],
    ['a resolver does not replan an assessed change', RITA, 'normal', 'assess', COMMANDS.replan, false],
    ['a change manager replans a scheduled change', MIA, 'normal', 'scheduled', COMMANDS.replan, true],
    ['a resolver does not review', RITA, 'normal', 'review', REVIEW, false],
    ['a resolver does not close', RITA, 'normal', 'review', CLOSE, false],
    ['a resolver does not cancel', RITA, 'normal', 'new', COMMANDS.cancel, false],
    ['a user does not refresh conflicts', ADMIN, 'normal', 'scheduled', COMMANDS['refresh-conflicts'], false],
  ])('%s', (_case, actor, type, state, command, allowed) => {
    const attempt = () => applyChangeCommand(inState(type, state) as Change, command, { actor, now: tick() });
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(ForbiddenError);
  });

  it('the transition service does not perform users\' commands', () => {
    expect(() => run(inState('normal', 'scheduled') as Change, [TRANSITION_SYSTEM, START])).toThrow(ForbiddenError);
  });
});

describe('authorisation', () => {
  it('routes a moderate or high risk change to the CAB, whose rule decides', () => {
    const assessed = run(opened('normal'), [RITA, SUBMIT], [MIA, ASSESS_HIGH]).change;
    expect(assessed.approval).toMatchObject({ approverKind: 'cab', approverIds: ['carl', 'cora'], rule: { kind: 'all' }, votes: [], outcome: 'pending' });
    const once = run(assessed, [CARL, approve()]);
    expect(once.change.approval?.outcome).toBe('pending');
    expect(() => run(once.change, [MIA, SCHEDULE])).toThrow(/not approved yet/);
    const twice = run(once.change, [CORA, approve('Backout is sound')]);
    expect(twice.change.approval?.outcome).toBe('approved');
    expect(twice.facts.map((fact) => fact.type)).toEqual(['voted', 'approved']);
  });

  it('lifts a safe questionnaire to the CAB when an affected item is mission critical', () => {
    const assessed = run(opened('normal'), [RITA, SUBMIT], [MIA, { ...ASSESS_LOW, affectedCriticalities: ['mission_critical'] } as ChangeCommand]).change;
    expect(assessed).toMatchObject({ risk: 'high', approval: { approverKind: 'cab' } });
  });

  it('returns a rejected change to New, keeping the rejected round', () => {
    const { change, facts } = run(opened('normal'), [RITA, SUBMIT], [MIA, ASSESS_HIGH], [CARL, approve()], [CORA, { kind: 'vote', decision: 'reject', comment: 'No backout test' }]);
    expect(change.state).toBe('new');
    expect(change.approval).toBeUndefined();
    expect(change.rejectedApprovals).toMatchObject([{ outcome: 'rejected', votes: [{ approverId: 'carl' }, { approverId: 'cora', comment: 'No backout test' }] }]);
    expect(facts.slice(-2).map((fact) => fact.type)).toEqual(['voted', 'rejected']);
    // Revised and submitted again, it goes through a new round.
    expect(run(change, [RITA, SUBMIT], [MIA, ASSESS_LOW]).change.approval).toMatchObject({ outcome: 'pending', votes: [] });
  });

  it('routes an emergency change to the emergency CAB, skipping Assess', () => {
    const { change } = run(opened('emergency'), [RITA, SUBMIT]);
    expect(change).toMatchObject({ state: 'authorize', approval: { approverKind: 'ecab', approverIds: ['erin', 'root'] } });
    expect(() => run(change, [CARL, approve()])).toThrow(ForbiddenError);
    expect(() => run(opened('emergency'), [RITA, { kind: 'submit' }])).toThrow(RuleViolationError);
  });

  it('refuses a vote without a comment', () => {
    const assessed = run(opened('normal'), [RITA, SUBMIT], [MIA, ASSESS_HIGH]).change;
    expect(() => run(assessed, [CARL, approve('  ')])).toThrow(RuleViolationError);
  });
});

describe('scheduling over conflicts', () => {
  const approved = () => inState('normal', 'authorize') as Change;
  const approvedNormal = () => run(approved(), [GINA, approve()]).change;
  const conflicts: ChangeConflict[] = detectChangeConflicts({
    change: { changeId: 'c-normal', number: 'CHG0000001', itemIds: ['db-1'], window: WINDOW },
    otherChanges: [{ changeId: 'c-9', number: 'CHG0000009', itemIds: ['db-1'], window: WINDOW }],
    relatives: {},
    maintenanceWindows: {},
    freezes: [],
  });

  it('refuses conflicts without an override', () => {
    expect(() => run(approvedNormal(), [MIA, { kind: 'schedule', conflicts }])).toThrow(ChangeConflictError);
  });

  it('lets only a change manager override, with a justification recorded', () => {
    const standard = opened('standard');
    expect(() => run(standard, [RITA, { kind: 'schedule', conflicts, justification: 'Urgent' }])).toThrow(ForbiddenError);
    const { change, facts } = run(approvedNormal(), [MIA, { kind: 'schedule', conflicts, justification: 'Agreed with the other team' }]);
    expect(change).toMatchObject({ state: 'scheduled', conflicts, overrides: [{ justification: 'Agreed with the other team', by: 'mia', conflicts }] });
    expect(facts.map((fact) => fact.type)).toEqual(['conflicts-overridden', 'scheduled']);
  });

  it('checks a scheduled change again when it is replanned: only new conflicts need an override', () => {
    const scheduled = run(approvedNormal(), [MIA, { kind: 'schedule', conflicts, justification: 'Agreed' }]).change;
    expect(run(scheduled, [MIA, { kind: 'replan', plans: { test: 'More tests' }, conflicts }]).change.overrides).toHaveLength(1);
    const freeze: ChangeConflict = { kind: 'freeze', reason: 'the window overlaps the freeze Year end', other: { type: 'freeze', freezeId: 'f', name: 'Year end', window: WINDOW } };
    expect(() => run(scheduled, [MIA, { kind: 'replan', plannedWindow: WINDOW, conflicts: [...conflicts, freeze] }])).toThrow(ChangeConflictError);
    expect(() => run(scheduled, [MIA, { kind: 'replan', plannedWindow: WINDOW, conflicts: [...conflicts, freeze] }])).toThrow(/replan again with a justification/);
    const replanned = run(scheduled, [MIA, { kind: 'replan', plannedWindow: WINDOW, conflicts: [...conflicts, freeze], justification: 'Board allowed it' }]);
    expect(replanned.change.overrides.map((override) => override.conflicts)).toEqual([conflicts, [freeze]]);
    expect(replanned.facts.map((fact) => fact.type)).toEqual(['conflicts-overridden', 'replanned']);
  });

  it('records conflicts found later, once', () => {
    const scheduled = run(approvedNormal(), [MIA, SCHEDULE]).change;
    const refreshed = run(scheduled, [TRANSITION_SYSTEM, { kind: 'refresh-conflicts', conflicts }]);
    expect(refreshed.change.conflicts).toEqual(conflicts);
    expect(refreshed.facts.map((fact) => [fact.type, fact.by])).toEqual([['conflicts-changed', 'system:transition']]);
    expect(run(refreshed.change, [TRANSITION_SYSTEM, { kind: 'refresh-conflicts', conflicts }]).facts).toEqual([]);
  });

  it('needs a window, an item and every plan to schedule', () => {
    const bare = openChange({ changeId: 'c-bare', type: 'standard', title: 'Patch', changeGroupId: 'dba', itemIds: [] }, 'CHG2', 'rita', tick(), { ...TEMPLATE, plans: { ...PLANS, test: '' }, itemIds: [] });
    try {
      run(bare, [RITA, SCHEDULE]);
      throw new Error('expected a RuleViolationError');
    } catch (error) {
      expect((error as RuleViolationError).issues.map((issue) => issue.field)).toEqual(['plannedWindow', 'itemIds', 'plans.test']);
    }
  });
});

describe('closure', () => {
  it.each<[string, ChangeType, ChangeCommand['kind'][], 'successful' | 'failed' | 'backed_out' | 'successful_with_issues', boolean]>([
    ['a standard change that succeeded closes without a review', 'standard', [], 'successful', true],
    ['a standard change that failed needs its review', 'standard', [], 'failed', false],
    ['a normal change needs its review', 'normal', [], 'successful', false],
    ['a normal change backed out closes after its review', 'normal', ['review'], 'backed_out', true],
    ['an emergency change with issues closes after its review', 'emergency', ['review'], 'successful_with_issues', true],
  ])('%s', (_case, type, before, code, closes) => {
    const inReview = inState(type, 'review') as Change;
    const reviewed = before.includes('review') ? run(inReview, [MIA, REVIEW]).change : inReview;
    const attempt = () => run(reviewed, [MIA, { kind: 'close', code, notes: 'See the review' }]);
    if (closes) expect(attempt().change).toMatchObject({ state: 'closed', closure: { code } });
    else expect(attempt).toThrow(RuleViolationError);
  });

  it('refuses an unknown closure code', () => {
    expect(() => run(run(inState('normal', 'review') as Change, [MIA, REVIEW]).change, [MIA, { kind: 'close', code: 'meh' as 'failed', notes: 'x' }])).toThrow(RuleViolationError);
  });
});

describe('openChange', () => {
  it('starts a standard change from its template, pre-authorised at low risk', () => {
    expect(opened('standard')).toMatchObject({ state: 'new', templateId: 't-patch', risk: 'low', plans: PLANS, itemIds: ['srv-1'] });
  });

  it.each<[string, Parameters<typeof openChange>[0], ChangeTemplate | undefined, string[]]>([
    ['a blank title', { changeId: 'c', type: 'normal', title: ' ', changeGroupId: 'dba' }, undefined, ['title']],
    ['a standard change without a template', { changeId: 'c', type: 'standard', title: 'x', changeGroupId: 'dba' }, undefined, ['templateId']],
    ['a retired template', { changeId: 'c', type: 'standard', title: 'x', changeGroupId: 'dba' }, { ...TEMPLATE, active: false }, ['templateId']],
    ['a template on a normal change', { changeId: 'c', type: 'normal', title: 'x', changeGroupId: 'dba' }, TEMPLATE, ['templateId']],
    ['an unknown type and no group', { changeId: 'c', type: 'minor' as 'normal', title: 'x', changeGroupId: '' }, undefined, ['changeGroupId', 'type']],
    ['a window ending before it starts', { changeId: 'c', type: 'normal', title: 'x', changeGroupId: 'dba', plannedWindow: { start: WINDOW.end, end: WINDOW.start } }, undefined, ['plannedWindow.end']],
  ])('refuses %s', (_case, input, template, fields) => {
    try {
      openChange(input, 'CHG3', 'rita', tick(), template);
      throw new Error('expected a RuleViolationError');
    } catch (error) {
      expect((error as RuleViolationError).issues.map((issue) => issue.field)).toEqual(fields);
    }
  });
});
