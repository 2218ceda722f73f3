import { ForbiddenError, Principal, StateConflictError } from '@itsm/contracts';
import { INCIDENT_LIMITS, INCIDENT_STATES, IncidentState } from '@itsm/contracts/operation';
import { IncidentCommand } from './incident-commands';
import { IncidentLifecycleRules, SYSTEM_ACTOR, TrackedIncident, applyIncidentCommand, startLifecycle } from './incident-lifecycle';
import { openIncident } from './open-incident';
import { ProblemLinkCommand, noteText, problemNoticeKey } from './problem-link';

const RULES: IncidentLifecycleRules = { autoCloseAfterMs: 3_600_000, callerReopenWithinMs: 3_600_000, calendar: null };
const ADMIN: Principal = { userId: 'root', roles: ['administrator'], groups: [] };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 16, minute));

function apply(incident: TrackedIncident, command: IncidentCommand, actor: Principal | typeof SYSTEM_ACTOR = SYSTEM_ACTOR, minute = 30) {
  return applyIncidentCommand(incident, command, { actor, now: at(minute), rules: RULES });
}

const opened = (): TrackedIncident =>
  startLifecycle(openIncident({ incidentId: 'i-1', title: 'Mail down', callerId: 'alice', impact: 2, urgency: 2, reportedAt: at(0) }, 'INC0000001', at(0))).incident;

/** An incident in each state, by an administrator. */
const IN: Record<IncidentState, TrackedIncident> = {
  new: opened(),
  in_progress: apply(opened(), { kind: 'start' }, ADMIN, 5).incident,
  on_hold: apply(opened(), { kind: 'hold', reason: 'awaiting_problem' }, ADMIN, 5).incident,
  resolved: apply(opened(), { kind: 'resolve', code: 'not_reproducible', notes: 'Gone' }, ADMIN, 5).incident,
  closed: apply(apply(opened(), { kind: 'resolve', code: 'not_reproducible', notes: 'Gone' }, ADMIN, 5).incident, { kind: 'close' }, ADMIN, 6).incident,
  cancelled: apply(opened(), { kind: 'cancel', reason: 'not_an_incident' }, ADMIN, 5).incident,
};

const LINK: ProblemLinkCommand = { kind: 'link-problem', problemId: 'p-1', problemNumber: 'PRB0000001', workarounds: [] };
const UNLINK: ProblemLinkCommand = { kind: 'unlink-problem', problemId: 'p-1', problemNumber: 'PRB0000001' };
const WORKAROUND = { key: problemNoticeKey({ kind: 'workaround', knownErrorId: 'k-1', version: 1 }), note: 'Use webmail meanwhile' };
const SHARE: ProblemLinkCommand = { kind: 'share-workaround', workaround: WORKAROUND };
const FIX: ProblemLinkCommand = { kind: 'apply-problem-fix', problemId: 'p-1', problemNumber: 'PRB0000001', fixNotes: 'Patched the relay', resolve: true };
const NOTE_FIX: ProblemLinkCommand = { ...FIX, resolve: false };

const linked = (state: IncidentState) => (state === 'cancelled' ? IN.cancelled : apply(IN[state], LINK).incident);

/** For each command, the states it is allowed from and where it leads (`=` stays); every other state refuses it (409). */
const TABLE: ReadonlyArray<[string, ProblemLinkCommand, (state: IncidentState) => TrackedIncident, Partial<Record<IncidentState, IncidentState | '='>>]> = [
  ['link-problem', LINK, (state) => IN[state], { new: '=', in_progress: '=', on_hold: '=', resolved: '=', closed: '=' }],
  ['unlink-problem', UNLINK, linked, { new: '=', in_progress: '=', on_hold: '=', resolved: '=', closed: '=' }],
  ['share-workaround', SHARE, (state) => IN[state], { new: '=', in_progress: '=', on_hold: '=' }],
  ['apply-problem-fix (resolve)', FIX, (state) => IN[state], { new: 'resolved', in_progress: 'resolved', on_hold: 'resolved' }],
  ['apply-problem-fix (note)', NOTE_FIX, (state) => IN[state], { new: '=', in_progress: '=', on_hold: 'in_progress' }],
];

describe('problem management on a linked incident: each command from each state', () => {
  const cases = TABLE.flatMap(([name, command, from, allowed]) => INCIDENT_STATES.map((state) => [name, state, allowed[state], command, from] as const));
  it.each(cases)('%s from %s → %s', (_name, state, expected, command, from) => {
    const act = () => apply(from(state), command);
    if (expected === undefined) expect(act).toThrow(StateConflictError);
    else expect(act().incident.state).toBe(expected === '=' ? state : expected);
  });
});

describe('problem management on a linked incident: rules', () => {
  it.each<[string, () => unknown, (new (...args: never[]) => Error)]>([
    ['a person does not link (the problem routes do)', () => apply(IN.new, LINK, ADMIN), ForbiddenError],
    ['a person does not apply a fix to the incident', () => apply(IN.new, FIX, ADMIN), ForbiddenError],
    ['an incident linked to one problem is not linked to another', () => apply(linked('new'), { ...LINK, problemId: 'p-2', problemNumber: 'PRB0000002' }), StateConflictError],
    ['linking twice is refused (a redelivered link adds nothing)', () => apply(linked('new'), LINK), StateConflictError],
    ['unlinking a problem it is not linked to', () => apply(linked('new'), { ...UNLINK, problemId: 'p-2' }), StateConflictError],
    ['sharing one workaround twice (a redelivery adds nothing)', () => apply(apply(IN.new, SHARE).incident, SHARE), StateConflictError],
    ['a fix reaches an incident once', () => apply(apply(IN.new, NOTE_FIX).incident, NOTE_FIX), StateConflictError],
  ])('%s', (_case, act, error) => {
    expect(act).toThrow(error);
  });

  it('links, shows the problem and shares the workarounds already published as work notes', () => {
    const { incident, facts } = apply(IN.in_progress, { ...LINK, workarounds: [WORKAROUND] });
    expect(incident).toMatchObject({ problemId: 'p-1', problemNumber: 'PRB0000001', problemNotices: [WORKAROUND.key] });
    expect(facts.map((fact) => [fact.type, 'visibility' in fact ? fact.visibility : undefined])).toEqual([
      ['problem-linked', undefined],
      ['commented', 'internal'],
    ]);
  });

  it('links a resolved incident without sharing workarounds (only open incidents get them)', () => {
    const { facts } = apply(IN.resolved, { ...LINK, workarounds: [WORKAROUND] });
    expect(facts.map((fact) => fact.type)).toEqual(['problem-linked']);
  });

  it('unlinks: the problem is no longer shown', () => {
    const { incident, facts } = apply(linked('in_progress'), UNLINK);
    expect(incident.problemId).toBeUndefined();
    expect(incident.problemNumber).toBeUndefined();
    expect(facts).toEqual([{ type: 'problem-unlinked', at: at(30), by: 'system:operation', problemId: 'p-1', problemNumber: 'PRB0000001' }]);
  });

  it('resolves by the fix with a note naming the problem, as solved permanently, by the operation service', () => {
    const { incident } = apply(IN.in_progress, FIX);
    expect(incident.resolution).toMatchObject({ code: 'solved_permanently', notes: 'Resolved by the fix of problem PRB0000001: Patched the relay', resolvedBy: 'system:operation' });
  });

  it('without resolving, notes the fix and resumes an incident awaiting the problem', () => {
    const { facts } = apply(IN.on_hold, NOTE_FIX);
    expect(facts.map((fact) => fact.type)).toEqual(['commented', 'state-changed']);
  });

  it.each([
    ['short text stays', 'abc', 'abc'],
    ['text of the limit stays', 'x'.repeat(INCIDENT_LIMITS.noteMaxLength), 'x'.repeat(INCIDENT_LIMITS.noteMaxLength)],
    ['longer text is cut with an ellipsis', 'x'.repeat(INCIDENT_LIMITS.noteMaxLength + 5), `${'x'.repeat(INCIDENT_LIMITS.noteMaxLength - 1)}…`],
  ])('noteText: %s', (_case, text, expected) => {
    expect(noteText(text)).toBe(expected);
  });
});
