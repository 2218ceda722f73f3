import { BusinessCalendar, MS_PER_HOUR, WorkingInterval } from '@itsm/business-calendar';
import { ForbiddenError, NotFoundError, Principal, Role, RuleViolationError, StateConflictError } from '@itsm/contracts';
import { INCIDENT_STATES, IncidentState } from '@itsm/contracts/operation';
import { IncidentCommand, IncidentCommandKind } from './incident-commands';
import { stateMoveOf } from './incident-facts';
import { IncidentLifecycleRules, SYSTEM_ACTOR, TrackedIncident, applyIncidentCommand, startLifecycle, timeInStates } from './incident-lifecycle';
import { openIncident } from './open-incident';
import { ChangeCauseCommand } from './change-cause';
import { ProblemLinkCommand } from './problem-link';

const OFFICE: WorkingInterval[] = [{ start: '08:00', end: '18:00' }];
/** Mon–Fri 08:00–18:00 in Berlin (CET in November 2026). */
const BERLIN_OFFICE: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  weeklyHours: { monday: OFFICE, tuesday: OFFICE, wednesday: OFFICE, thursday: OFFICE, friday: OFFICE, saturday: [], sunday: [] },
  holidays: [],
};
/** Closes 30 business hours (3 office days) after resolution; the caller may reopen within 10 (one office day). */
const RULES: IncidentLifecycleRules = { autoCloseAfterMs: 30 * MS_PER_HOUR, callerReopenWithinMs: 10 * MS_PER_HOUR, calendar: BERLIN_OFFICE };

/** Berlin local time in November 2026 (UTC+1). */
const at = (local: string) => new Date(`2026-11-${local}+01:00`);
const user = (userId: string, roles: Role[], groups: string[] = []): Principal => ({ userId, roles, groups });
const ALICE = user('alice', ['requester']);
const DESK = user('dave', ['service_desk_agent'], ['desk']);
const NET = user('nina', ['resolver'], ['network']);
const MANAGER = user('mia', ['incident_manager']);
const NETWORK = { groupId: 'network', memberIds: ['nina', 'nick'] };
const DESK_GROUP = { groupId: 'desk', memberIds: ['dave'] };

/** Alice's incident opened Friday 2026-11-20 16:00 Berlin, routed to the network group. */
function opened(): TrackedIncident {
  const incident = openIncident(
    { incidentId: 'i-1', title: 'VPN drops', callerId: 'alice', impact: 2, urgency: 2, category: 'network', reportedAt: at('20T16:00') },
    'INC0000001',
    at('20T16:00'),
  );
  return startLifecycle(incident, 'network').incident;
}

/** Runs commands in order, each `[actor, command, local time]`. */
function run(incident: TrackedIncident, ...steps: [Principal | typeof SYSTEM_ACTOR, IncidentCommand, string][]) {
  let current = incident;
  const facts = [];
  for (const [actor, command, time] of steps) {
    const decision = applyIncidentCommand(current, command, { actor, now: at(time), rules: RULES });
    current = decision.incident;
    facts.push(...decision.facts);
  }
  return { incident: current, facts };
}

const START: IncidentCommand = { kind: 'start' };
const HOLD: IncidentCommand = { kind: 'hold', reason: 'awaiting_caller' };
const RESUME: IncidentCommand = { kind: 'resume' };
const RESOLVE: IncidentCommand = { kind: 'resolve', code: 'solved_permanently', notes: 'Replaced the VPN profile' };
const REOPEN: IncidentCommand = { kind: 'reopen', reason: 'Drops again' };

/** An incident in each state, reached by an administrator (so only the state decides). */
const ADMIN = user('root', ['administrator']);
const IN: Record<IncidentState, TrackedIncident> = {
  new: opened(),
  in_progress: run(opened(), [ADMIN, START, '20T16:10']).incident,
  on_hold: run(opened(), [ADMIN, HOLD, '20T16:10']).incident,
  resolved: run(opened(), [ADMIN, RESOLVE, '20T16:10']).incident,
  closed: run(opened(), [ADMIN, RESOLVE, '20T16:10'], [ADMIN, { kind: 'close' }, '20T16:20']).incident,
  cancelled: run(opened(), [ADMIN, { kind: 'cancel', reason: 'not_an_incident' }, '20T16:10']).incident,
};

/** The lifecycle's own commands (problem management's are in problem-link.spec.ts, the change cause's in change-cause.spec.ts). */
type LifecycleKind = Exclude<IncidentCommandKind, ProblemLinkCommand['kind'] | ChangeCauseCommand['kind']>;

const COMMANDS: Record<LifecycleKind, IncidentCommand> = {
  assign: { kind: 'assign', group: DESK_GROUP },
  start: START,
  hold: { kind: 'hold', reason: 'awaiting_vendor' },
  resume: RESUME,
  'change-priority': { kind: 'change-priority', impact: 1, workNote: 'Whole floor affected' },
  resolve: RESOLVE,
  close: { kind: 'close' },
  'auto-close': { kind: 'auto-close' },
  reopen: REOPEN,
  cancel: { kind: 'cancel', reason: 'duplicate', duplicateOf: 'i-0' },
  comment: { kind: 'comment', text: 'Looking into it' },
  'work-note': { kind: 'work-note', text: 'Checked the concentrator' },
  'resolve-with-parent': { kind: 'resolve-with-parent', code: 'solved_permanently', notes: 'Resolved with its parent incident INC0000009: relay restarted' },
  'link-parent': { kind: 'link-parent', parent: { incidentId: 'p-1', number: 'INC0000009', state: 'in_progress', childCount: 2 }, childCount: 0 },
  'unlink-parent': { kind: 'unlink-parent' },
  'child-linked': { kind: 'child-linked', childId: 'c-1', childNumber: 'INC0000010' },
  'child-unlinked': { kind: 'child-unlinked', childId: 'c-1', childNumber: 'INC0000010' },
};

/** Commands only the operation service performs (the lifecycle table runs them as the system). */
const BY_SYSTEM_ONLY: readonly IncidentCommandKind[] = ['auto-close', 'resolve-with-parent', 'child-linked', 'child-unlinked'];

/**
 * The lifecycle written out by hand (source: the shared domain rules): for each command, the states
 * it is allowed from and where it leads (`=` stays). Every other state refuses it (409).
 */
const LIFECYCLE: Record<LifecycleKind, Partial<Record<IncidentState, IncidentState | '='>>> = {
  assign: { new: '=', in_progress: '=', on_hold: '=' },
  start: { new: 'in_progress' },
  hold: { new: 'on_hold', in_progress: 'on_hold' },
  resume: { on_hold: 'in_progress' },
  'change-priority': { new: '=', in_progress: '=', on_hold: '=' },
  resolve: { new: 'resolved', in_progress: 'resolved', on_hold: 'resolved' },
  close: { resolved: 'closed' },
  'auto-close': { resolved: 'closed' },
  reopen: { resolved: 'in_progress' },
  cancel: { new: 'cancelled', in_progress: 'cancelled', on_hold: 'cancelled' },
  comment: { new: '=', in_progress: '=', on_hold: '=', resolved: '=' },
  'work-note': { new: '=', in_progress: '=', on_hold: '=', resolved: '=' },
  'resolve-with-parent': { new: 'resolved', in_progress: 'resolved', on_hold: 'resolved' },
  'link-parent': { new: '=', in_progress: '=', on_hold: '=' },
  'unlink-parent': { new: '=', in_progress: '=', on_hold: '=', resolved: '=' },
  'child-linked': { new: '=', in_progress: '=', on_hold: '=' },
  'child-unlinked': { new: '=', in_progress: '=', on_hold: '=', resolved: '=', closed: '=', cancelled: '=' },
};

describe('the lifecycle: each command from each state', () => {
  const cases = Object.entries(LIFECYCLE).flatMap(([kind, allowed]) => INCIDENT_STATES.map((state) => [kind as LifecycleKind, state, allowed[state]] as const));
  it.each(cases)('%s from %s → %s', (kind, state, expected) => {
    // auto-close is the operation service's, once due (a week later is past any deadline).
    const [actor, now] = kind === 'auto-close' ? [SYSTEM_ACTOR, at('27T16:20')] : [BY_SYSTEM_ONLY.includes(kind) ? SYSTEM_ACTOR : ADMIN, at('20T16:30')];
    // Only a child leaves its parent.
    const incident = kind === 'unlink-parent' ? { ...IN[state], parentId: 'p-1' } : IN[state];
    const act = () => applyIncidentCommand(incident, COMMANDS[kind], { actor, now, rules: RULES });
    if (expected === undefined) {
      expect(act).toThrow(StateConflictError);
    } else {
      expect(act().incident.state).toBe(expected === '=' ? state : expected);
    }
  });
});

describe('who may perform what', () => {
  const inProgress = IN.in_progress;
  it.each<[string, Principal | typeof SYSTEM_ACTOR, LifecycleKind, TrackedIncident, (new (...args: never[]) => Error) | 'ok']>([
    ['the caller comments on their incident', ALICE, 'comment', inProgress, 'ok'],
    ['another requester does not see it (404)', user('bob', ['requester']), 'comment', inProgress, NotFoundError],
    ['a requester does not resolve', ALICE, 'resolve', inProgress, ForbiddenError],
    ['a requester does not write work notes', ALICE, 'work-note', inProgress, ForbiddenError],
    ['a requester does not change the priority', ALICE, 'change-priority', inProgress, ForbiddenError],
    ['the caller confirms (closes) their resolved incident', ALICE, 'close', IN.resolved, 'ok'],
    ['a resolver of the assigned group resolves', NET, 'resolve', inProgress, 'ok'],
    ['a resolver of another group does not', user('sam', ['resolver'], ['storage']), 'resolve', inProgress, ForbiddenError],
    ['a resolver does not cancel', NET, 'cancel', inProgress, ForbiddenError],
    ['the service desk works any incident', DESK, 'resolve', inProgress, 'ok'],
    ['the service desk cancels', DESK, 'cancel', inProgress, 'ok'],
    ['an incident manager reassigns', MANAGER, 'assign', inProgress, 'ok'],
    ['a CSI analyst does not work incidents', user('carl', ['csi_analyst']), 'start', IN.new, ForbiddenError],
    ['nobody closes automatically but the operation service', ADMIN, 'auto-close', IN.resolved, ForbiddenError],
    ['the operation service does not resolve', SYSTEM_ACTOR, 'resolve', inProgress, ForbiddenError],
    ['the operation service reassigns (escalation)', SYSTEM_ACTOR, 'assign', inProgress, 'ok'],
    ['the operation service resolves a child with its parent', SYSTEM_ACTOR, 'resolve-with-parent', inProgress, 'ok'],
    ['nobody resolves with a parent but the operation service', ADMIN, 'resolve-with-parent', inProgress, ForbiddenError],
    ['a resolver of the assigned group links a parent', NET, 'link-parent', inProgress, 'ok'],
    ['a resolver of another group does not', user('sam', ['resolver'], ['storage']), 'link-parent', inProgress, ForbiddenError],
    ['a requester does not link a parent', ALICE, 'link-parent', inProgress, ForbiddenError],
    ['the operation service links no parent', SYSTEM_ACTOR, 'link-parent', inProgress, ForbiddenError],
    ['nobody records a child but the operation service', ADMIN, 'child-linked', inProgress, ForbiddenError],
    ['a principal shaped like the system is not the system', { ...user('eve', ['administrator']), ...SYSTEM_ACTOR }, 'auto-close', IN.resolved, ForbiddenError],
  ])('%s', (_case, actor, kind, incident, outcome) => {
    const act = () => applyIncidentCommand(incident, COMMANDS[kind], { actor, now: at('20T16:30'), rules: RULES });
    if (outcome === 'ok') expect(act().incident.updatedAt).toEqual(at('20T16:30'));
    else expect(act).toThrow(outcome);
  });
});

describe('rules of single commands', () => {
  it.each<[string, TrackedIncident, IncidentCommand, string[]]>([
    ['a resolution without code and notes names both fields', IN.in_progress, { kind: 'resolve', code: 'fixed' as never, notes: '  ' }, ['resolutionCode', 'resolutionNotes']],
    ['a hold reason outside the list', IN.in_progress, { kind: 'hold', reason: 'lunch' as never }, ['holdReason']],
    ['a priority change without a work note', IN.in_progress, { kind: 'change-priority', impact: 1, workNote: '' }, ['workNote']],
    ['a priority change that changes nothing', IN.in_progress, { kind: 'change-priority', impact: 2, urgency: 2, workNote: 'same' }, ['impact']],
    ['an impact outside the scale', IN.in_progress, { kind: 'change-priority', impact: 4 as never, workNote: 'x' }, ['impact']],
    ['an assignee outside the group', IN.in_progress, { kind: 'assign', group: NETWORK, assigneeId: 'dave' }, ['assigneeId']],
    ['an assignment that changes nothing', IN.in_progress, { kind: 'assign', group: NETWORK }, ['groupId']],
    ['a duplicate that names no incident', IN.in_progress, { kind: 'cancel', reason: 'duplicate' }, ['duplicateOf']],
    ['a duplicate of itself', IN.in_progress, { kind: 'cancel', reason: 'duplicate', duplicateOf: 'i-1' }, ['duplicateOf']],
    ['a non-incident that names a duplicate', IN.in_progress, { kind: 'cancel', reason: 'not_an_incident', duplicateOf: 'i-0' }, ['duplicateOf']],
    ['a blank comment', IN.in_progress, { kind: 'comment', text: ' ' }, ['text']],
    ['a reopening without a reason', IN.resolved, { kind: 'reopen', reason: '' }, ['reason']],
  ])('refuses %s (400)', (_case, incident, command, fields) => {
    const act = () => applyIncidentCommand(incident, command, { actor: ADMIN, now: at('20T16:30'), rules: RULES });
    expect(act).toThrow(RuleViolationError);
    try {
      act();
    } catch (error) {
      expect((error as RuleViolationError).issues.map((issue) => issue.field)).toEqual(fields);
    }
  });

  it('refuses a command kind it does not know (400 naming kind)', () => {
    const act = () => applyIncidentCommand(IN.new, { kind: 'toString' } as never, { actor: ADMIN, now: at('20T16:30'), rules: RULES });
    expect(act).toThrow(RuleViolationError);
  });

  it('a priority change re-derives the priority and records the work note', () => {
    const { incident, facts } = run(IN.in_progress, [NET, { kind: 'change-priority', impact: 1, workNote: ' Whole floor ' }, '20T16:30']);
    expect(incident).toMatchObject({ impact: 1, urgency: 2, priority: 2 });
    expect(facts).toEqual([
      { type: 'priority-changed', at: at('20T16:30'), by: 'nina', before: { impact: 2, urgency: 2, priority: 3 }, after: { impact: 1, urgency: 2, priority: 2 } },
      { type: 'commented', at: at('20T16:30'), by: 'nina', visibility: 'internal', text: 'Whole floor' },
    ]);
  });

  it('a resolution sets the auto-close time in business time on the calendar (Friday 16:10 + 30 h → Wednesday 16:10)', () => {
    const { incident, facts } = run(IN.in_progress, [NET, RESOLVE, '20T16:10']);
    expect(incident.resolution).toMatchObject({ code: 'solved_permanently', autoCloseAt: at('25T16:10'), callerReopenUntil: at('23T16:10') });
    expect(facts.at(-1)).toMatchObject({ type: 'resolved', from: 'in_progress', to: 'resolved', autoCloseAt: at('25T16:10') });
  });

  it.each<[string, string, 'closed' | typeof StateConflictError]>([
    ['auto-close before it is due', '25T16:09', StateConflictError],
    ['auto-close when due', '25T16:10', 'closed'],
  ])('%s', (_case, time, outcome) => {
    const resolved = run(IN.in_progress, [NET, RESOLVE, '20T16:10']).incident;
    const act = () => applyIncidentCommand(resolved, { kind: 'auto-close' }, { actor: SYSTEM_ACTOR, now: at(time), rules: RULES });
    if (outcome === 'closed') expect(act()).toMatchObject({ incident: { state: 'closed', closedAt: at(time) }, facts: [{ type: 'closed', automatic: true, by: 'system:operation' }] });
    else expect(act).toThrow(outcome);
  });

  it.each<[string, Principal, string, 'in_progress' | typeof ForbiddenError]>([
    ['the caller reopens within their window', ALICE, '23T16:10', 'in_progress'],
    ['the caller is refused after it', ALICE, '23T16:11', ForbiddenError],
    ['the service desk reopens after it, until closed', DESK, '25T16:00', 'in_progress'],
  ])('%s', (_case, actor, time, outcome) => {
    const resolved = run(IN.in_progress, [NET, RESOLVE, '20T16:10']).incident;
    const act = () => applyIncidentCommand(resolved, REOPEN, { actor, now: at(time), rules: RULES });
    if (outcome === 'in_progress') {
      expect(act().incident).toMatchObject({ state: 'in_progress', kpis: { reopenCount: 1 } });
      expect(act().incident).not.toHaveProperty('resolution');
    } else expect(act).toThrow(outcome);
  });

  it("the caller's reply resumes an incident awaiting the caller, not one awaiting a vendor", () => {
    const awaitingCaller = run(IN.in_progress, [NET, HOLD, '20T16:20'], [ALICE, { kind: 'comment', text: 'Here is the log' }, '20T16:40']);
    expect(awaitingCaller.incident.state).toBe('in_progress');
    expect(awaitingCaller.facts.slice(-2)).toMatchObject([
      { type: 'commented', visibility: 'public', by: 'alice' },
      { type: 'state-changed', from: 'on_hold', to: 'in_progress', by: 'alice' },
    ]);
    const awaitingVendor = run(IN.in_progress, [NET, { kind: 'hold', reason: 'awaiting_vendor' }, '20T16:20'], [ALICE, { kind: 'comment', text: 'Any news?' }, '20T16:40']);
    expect(awaitingVendor.incident).toMatchObject({ state: 'on_hold', holdReason: 'awaiting_vendor' });
  });

  it('facts never go back in time: a command dated before the last change is dated at it', () => {
    const { facts } = run(IN.in_progress, [NET, HOLD, '20T16:05']);
    expect(facts[0]?.at).toEqual(at('20T16:10'));
  });
});

describe('KPI facts', () => {
  it.each<[string, [Principal | typeof SYSTEM_ACTOR, IncidentCommand, string][], Partial<TrackedIncident['kpis']>]>([
    ['routing at intake is no response and no reassignment', [], { firstResponseAt: undefined, reassignmentCount: 0 }],
    ['the first response is the first answer by someone other than the caller', [[ALICE, { kind: 'comment', text: 'Still down' }, '20T16:05'], [NET, START, '20T16:15'], [NET, HOLD, '20T16:30']], { firstResponseAt: at('20T16:15') }],
    ['a work note is not a response', [[NET, { kind: 'work-note', text: 'ping' }, '20T16:05']], { firstResponseAt: undefined }],
    ['an assignment to a person is a response', [[DESK, { kind: 'assign', group: NETWORK, assigneeId: 'nina' }, '20T16:05']], { firstResponseAt: at('20T16:05'), reassignmentCount: 0 }],
    [
      'moving between groups counts; a new assignee in the same group does not',
      [[DESK, { kind: 'assign', group: DESK_GROUP }, '20T16:05'], [DESK, { kind: 'assign', group: DESK_GROUP, assigneeId: 'dave' }, '20T16:06'], [DESK, { kind: 'assign', group: NETWORK }, '20T16:07']],
      { reassignmentCount: 2 },
    ],
    [
      'time in each state, summed over visits, in wall-clock ms',
      [[NET, START, '20T16:10'], [NET, HOLD, '20T16:20'], [NET, RESUME, '20T16:50'], [NET, HOLD, '20T17:00'], [NET, RESUME, '20T17:30'], [NET, RESOLVE, '20T17:40']],
      { timeInStateMs: { new: 10 * 60_000, in_progress: 30 * 60_000, on_hold: 60 * 60_000 }, stateEnteredAt: at('20T17:40') },
    ],
    ['resolved by the service desk at first contact', [[DESK, RESOLVE, '20T16:05']], { resolvedAtFirstContact: true }],
    ['not at first contact when a resolver resolved it', [[NET, RESOLVE, '20T16:05']], { resolvedAtFirstContact: false }],
    ['not at first contact after a hold (a call-back)', [[DESK, HOLD, '20T16:05'], [DESK, RESUME, '20T16:10'], [DESK, RESOLVE, '20T16:20']], { resolvedAtFirstContact: false }],
    ['not at first contact after a reassignment', [[DESK, { kind: 'assign', group: DESK_GROUP }, '20T16:05'], [DESK, RESOLVE, '20T16:20']], { resolvedAtFirstContact: false }],
    ['not at first contact once reopened and resolved again', [[DESK, RESOLVE, '20T16:05'], [ALICE, REOPEN, '20T16:10'], [DESK, RESOLVE, '20T16:20']], { resolvedAtFirstContact: false, reopenCount: 1 }],
  ])('%s', (_case, steps, kpis) => {
    const recorded = run(opened(), ...steps).incident.kpis;
    // Key by key, so an expected `undefined` means the fact is not recorded.
    for (const [key, value] of Object.entries(kpis)) expect([key, recorded[key as keyof typeof recorded]]).toEqual([key, value]);
  });

  it('records the first response once, as a fact before the command that made it', () => {
    const { facts } = run(opened(), [NET, START, '20T16:15'], [NET, { kind: 'comment', text: 'On it' }, '20T16:20']);
    expect(facts.map((fact) => fact.type)).toEqual(['responded', 'state-changed', 'commented']);
  });

  it('timeInStates adds the time in the current state, not after a final one', () => {
    const { incident } = run(opened(), [NET, START, '20T16:10']);
    expect(timeInStates(incident, at('20T16:40'))).toEqual({ new: 10 * 60_000, in_progress: 30 * 60_000 });
    expect(timeInStates(IN.closed, at('27T12:00'))).toEqual(IN.closed.kpis.timeInStateMs);
  });

  it('every fact that moves the state says from where to where', () => {
    const { facts } = run(opened(), [NET, START, '20T16:10'], [NET, HOLD, '20T16:20'], [NET, RESOLVE, '20T16:30'], [ALICE, REOPEN, '20T16:40']);
    expect(facts.map(stateMoveOf).filter(Boolean).map((move) => `${move?.from}>${move?.to}`)).toEqual(['new>in_progress', 'in_progress>on_hold', 'on_hold>resolved', 'resolved>in_progress']);
  });
});
