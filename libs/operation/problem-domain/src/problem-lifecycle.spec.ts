import { RuleViolationError, StateConflictError } from '@itsm/contracts';
import { PROBLEM_LIMITS, PROBLEM_STATES, ProblemState } from '@itsm/contracts/operation';
import { ProblemCommand, ProblemCommandKind } from './problem-commands';
import { applyProblemCommand, openProblem } from './problem-lifecycle';
import { Problem, formatProblemNumber } from './problem';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));
const REPORT = { title: ' Mail relay drops messages ', configurationItemIds: ['ci-relay', 'ci-relay'], impact: 2, urgency: 1, resolveLinkedIncidents: true } as const;
const opened = (): Problem => openProblem(REPORT, 'p-1', 'PRB0000001', 'pam', at(0));
const run = (problem: Problem, ...commands: ProblemCommand[]) => commands.reduce((current, command, index) => applyProblemCommand(current, command, 'pam', at(index + 1)).problem, problem);

const INVESTIGATE: ProblemCommand = { kind: 'investigate' };
const RCA: ProblemCommand = { kind: 'record-root-cause', method: 'five_whys', rootCause: 'Relay queue full', contributingFactors: [' no alert ', 'no alert', ''] };
const FIX: ProblemCommand = { kind: 'apply-fix', notes: 'Queue raised and alerted' };
const COMMANDS: Record<ProblemCommandKind, ProblemCommand> = {
  investigate: INVESTIGATE,
  'record-root-cause': RCA,
  'apply-fix': FIX,
  close: { kind: 'close' },
  cancel: { kind: 'cancel', reason: 'Duplicate of PRB0000002' },
  'link-incident': { kind: 'link-incident', incidentId: 'i-9' },
  'unlink-incident': { kind: 'unlink-incident', incidentId: 'i-1' },
  revise: { kind: 'revise', details: { ...REPORT, urgency: 3 } },
};

/** A problem in each state, with incident i-1 linked while it was open. */
const linked = run(opened(), { kind: 'link-incident', incidentId: 'i-1' });
const IN: Record<ProblemState, Problem> = {
  new: linked,
  under_investigation: run(linked, INVESTIGATE),
  root_cause_known: run(linked, INVESTIGATE, RCA),
  resolved: run(linked, INVESTIGATE, RCA, FIX),
  closed: run(linked, INVESTIGATE, RCA, FIX, { kind: 'close' }),
  cancelled: run(linked, { kind: 'cancel', reason: 'Not a problem' }),
};

/** The lifecycle written out by hand (source: the shared domain rules): allowed source states and the target (`=` stays). */
const LIFECYCLE: Record<ProblemCommandKind, Partial<Record<ProblemState, ProblemState | '='>>> = {
  investigate: { new: 'under_investigation' },
  'record-root-cause': { under_investigation: 'root_cause_known', root_cause_known: '=' },
  'apply-fix': { root_cause_known: 'resolved' },
  close: { resolved: 'closed' },
  cancel: { new: 'cancelled', under_investigation: 'cancelled', root_cause_known: 'cancelled' },
  'link-incident': { new: '=', under_investigation: '=', root_cause_known: '=' },
  'unlink-incident': { new: '=', under_investigation: '=', root_cause_known: '=' },
  revise: { new: '=', under_investigation: '=', root_cause_known: '=' },
};

describe('the problem lifecycle: each command from each state', () => {
  const cases = Object.entries(LIFECYCLE).flatMap(([kind, allowed]) => PROBLEM_STATES.map((state) => [kind as ProblemCommandKind, state, allowed[state]] as const));
  it.each(cases)('%s from %s → %s', (kind, state, expected) => {
    const act = () => applyProblemCommand(IN[state], COMMANDS[kind], 'pam', at(30));
    if (expected === undefined) expect(act).toThrow(StateConflictError);
    else expect(act().problem.state).toBe(expected === '=' ? state : expected);
  });
});

describe('the problem lifecycle: rules', () => {
  it('opens New, priority derived by the incidents matrix, texts trimmed, CIs once each, nothing linked', () => {
    expect(opened()).toEqual({
      problemId: 'p-1',
      number: 'PRB0000001',
      title: 'Mail relay drops messages',
      configurationItemIds: ['ci-relay'],
      impact: 2,
      urgency: 1,
      priority: 2,
      resolveLinkedIncidents: true,
      state: 'new',
      reportedBy: 'pam',
      incidentIds: [],
      createdAt: at(0),
      updatedAt: at(0),
    });
  });

  it.each<[string, () => unknown, string[]]>([
    ['a blank title', () => openProblem({ ...REPORT, title: '  ' }, 'p', 'PRB1', 'pam', at(0)), ['title']],
    ['impact and urgency outside 1..3', () => openProblem({ ...REPORT, impact: 4 as never, urgency: 0 as never }, 'p', 'PRB1', 'pam', at(0)), ['impact', 'urgency']],
    ['a blank root cause and an unknown method', () => applyProblemCommand(IN.under_investigation, { ...RCA, method: 'guess' as never, rootCause: ' ' } as ProblemCommand, 'pam', at(30)), ['method', 'rootCause']],
    ['a fix without notes', () => applyProblemCommand(IN.root_cause_known, { kind: 'apply-fix', notes: ' ' }, 'pam', at(30)), ['fixNotes']],
    ['a cancellation without a reason', () => applyProblemCommand(IN.new, { kind: 'cancel', reason: '' }, 'pam', at(30)), ['reason']],
  ])('refuses %s (400 naming each field)', (_case, act, fields) => {
    try {
      act();
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(RuleViolationError);
      expect((error as RuleViolationError).issues.map((issue) => issue.field)).toEqual(fields);
    }
  });

  it.each<[string, ProblemCommand]>([
    ['links an incident twice', { kind: 'link-incident', incidentId: 'i-1' }],
    ['unlinks an incident it does not link', { kind: 'unlink-incident', incidentId: 'i-9' }],
  ])('refuses when it %s (409)', (_case, command) => {
    expect(() => applyProblemCommand(IN.new, command, 'pam', at(30))).toThrow(StateConflictError);
  });

  it('links at most PROBLEM_LIMITS.maxLinkedIncidents incidents', () => {
    const full = { ...IN.new, incidentIds: Array.from({ length: PROBLEM_LIMITS.maxLinkedIncidents }, (_, index) => `i-${index + 100}`) };
    expect(() => applyProblemCommand(full, { kind: 'link-incident', incidentId: 'i-1' }, 'pam', at(30))).toThrow(RuleViolationError);
  });

  it('records the analysis (factors trimmed, blank and repeated ones dropped) and reports it', () => {
    const { problem, facts } = applyProblemCommand(IN.under_investigation, RCA, 'pam', at(30));
    expect(problem.rootCauseAnalysis).toEqual({ method: 'five_whys', rootCause: 'Relay queue full', contributingFactors: ['no alert'], recordedAt: at(30), recordedBy: 'pam' });
    expect(facts).toEqual([
      { type: 'root-cause-recorded', at: at(30), by: 'pam', from: 'under_investigation', to: 'root_cause_known', method: 'five_whys', rootCause: 'Relay queue full', contributingFactors: ['no alert'] },
    ]);
  });

  it('applying the fix resolves the problem and names the linked incidents and whether to resolve them', () => {
    const { problem, facts } = applyProblemCommand(IN.root_cause_known, FIX, 'pam', at(30));
    expect(problem.fix).toEqual({ notes: 'Queue raised and alerted', appliedAt: at(30), appliedBy: 'pam' });
    expect(facts).toEqual([
      { type: 'resolved', at: at(30), by: 'pam', from: 'root_cause_known', to: 'resolved', fixNotes: 'Queue raised and alerted', incidentIds: ['i-1'], resolveLinkedIncidents: true },
    ]);
  });

  it('revises the report: the priority derived again, fields left out removed, the rest kept', () => {
    const described = applyProblemCommand(IN.under_investigation, { kind: 'revise', details: { ...REPORT, description: 'Seen since Monday', serviceId: 'svc-mail' } }, 'pam', at(30)).problem;
    const { problem, facts } = applyProblemCommand(described, { kind: 'revise', details: { ...REPORT, title: ' Relay loses mail ', impact: 1, urgency: 1 } }, 'pam', at(31));
    expect(problem).toMatchObject({ title: 'Relay loses mail', impact: 1, urgency: 1, priority: 1, state: 'under_investigation', incidentIds: ['i-1'] });
    expect(problem).not.toHaveProperty('description');
    expect(problem).not.toHaveProperty('serviceId');
    expect(facts).toEqual([
      { type: 'revised', at: at(31), by: 'pam', title: 'Relay loses mail', configurationItemIds: ['ci-relay'], impact: 1, urgency: 1, priority: 1, resolveLinkedIncidents: true },
    ]);
  });

  it('never dates a fact before the previous change (clock skew between replicas)', () => {
    const { facts } = applyProblemCommand(IN.new, INVESTIGATE, 'pam', new Date(0));
    expect(facts[0]?.at).toEqual(IN.new.updatedAt);
  });

  it.each([
    [1, 'PRB0000001'],
    [42, 'PRB0000042'],
    [12_345_678, 'PRB12345678'],
  ])('numbers %d as %s', (sequence, number) => {
    expect(formatProblemNumber(sequence)).toBe(number);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the sequence %d', (sequence) => {
    expect(() => formatProblemNumber(sequence)).toThrow(RangeError);
  });
});
