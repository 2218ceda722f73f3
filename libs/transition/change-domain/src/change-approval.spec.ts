import { ForbiddenError, RuleViolationError, StateConflictError } from '@itsm/contracts';
import { ApprovalAuthorities, ApprovalRoute, ApprovalVote, DecisionRule, approvalOutcome, castVote, checkDecisionRule, routeApproval } from './change-approval';

const AUTHORITIES: ApprovalAuthorities = {
  groupManagerId: 'gina',
  cab: { memberIds: ['carl', 'cora', 'cid'], rule: { kind: 'quorum', quorum: 2 } },
  ecab: { memberIds: ['erin', 'ezra'], rule: { kind: 'any' } },
};

describe('routeApproval', () => {
  it.each([
    ['normal', 'low', 'group_manager', ['gina'], { kind: 'any' }],
    ['normal', 'moderate', 'cab', ['carl', 'cora', 'cid'], { kind: 'quorum', quorum: 2 }],
    ['normal', 'high', 'cab', ['carl', 'cora', 'cid'], { kind: 'quorum', quorum: 2 }],
    ['emergency', 'low', 'ecab', ['erin', 'ezra'], { kind: 'any' }],
    ['emergency', 'high', 'ecab', ['erin', 'ezra'], { kind: 'any' }],
  ] as const)('a %s change at %s risk goes to the %s', (type, risk, approverKind, approverIds, rule) => {
    expect(routeApproval(type, risk, AUTHORITIES)).toEqual({ approverKind, approverIds, rule });
  });

  it('never routes a standard change: its template authorised it', () => {
    expect(() => routeApproval('standard', 'low', AUTHORITIES)).toThrow(StateConflictError);
  });

  it.each<[string, ApprovalAuthorities, 'normal' | 'emergency', string, string]>([
    ['a low-risk change of a group with no manager', { ...AUTHORITIES, groupManagerId: undefined }, 'normal', 'low', 'changeGroupId'],
    ['a CAB with no members', { ...AUTHORITIES, cab: { memberIds: [], rule: { kind: 'all' } } }, 'normal', 'high', 'cab'],
    ['a quorum larger than the CAB', { ...AUTHORITIES, cab: { memberIds: ['carl'], rule: { kind: 'quorum', quorum: 2 } } }, 'normal', 'moderate', 'cab.quorum'],
    ['an ECAB quorum of 0', { ...AUTHORITIES, ecab: { memberIds: ['erin'], rule: { kind: 'quorum', quorum: 0 } } }, 'emergency', 'low', 'ecab.quorum'],
  ])('refuses %s, naming the field', (_case, authorities, type, risk, field) => {
    try {
      routeApproval(type, risk as 'low', authorities);
      throw new Error('expected a RuleViolationError');
    } catch (error) {
      expect((error as RuleViolationError).issues?.[0]?.field).toBe(field);
    }
  });

  it('counts a member listed twice once', () => {
    expect(routeApproval('normal', 'high', { ...AUTHORITIES, cab: { memberIds: ['carl', 'carl', 'cora'], rule: { kind: 'all' } } }).approverIds).toEqual(['carl', 'cora']);
  });
});

describe('checkDecisionRule', () => {
  it.each<[DecisionRule, number, boolean]>([
    [{ kind: 'all' }, 1, true],
    [{ kind: 'any' }, 5, true],
    [{ kind: 'quorum', quorum: 3 }, 3, true],
    [{ kind: 'quorum', quorum: 4 }, 3, false],
    [{ kind: 'quorum', quorum: 1.5 }, 3, false],
    [{ kind: 'most' } as unknown as DecisionRule, 3, false],
    [{ kind: 'all' }, 0, false],
  ])('%j for %i member(s): valid %s', (rule, members, valid) => {
    if (valid) expect(() => checkDecisionRule(rule, members)).not.toThrow();
    else expect(() => checkDecisionRule(rule, members)).toThrow(RuleViolationError);
  });
});

const at = new Date('2026-12-01T10:00:00Z');
const votesOf = (...decisions: [string, 'approve' | 'reject'][]): ApprovalVote[] => decisions.map(([approverId, decision]) => ({ approverId, decision, comment: 'ok', at }));
const boardOf = (rule: DecisionRule): ApprovalRoute => ({ approverKind: 'cab', approverIds: ['a', 'b', 'c'], rule });

describe('approvalOutcome', () => {
  it.each<[string, DecisionRule, ApprovalVote[], string]>([
    ['all: nobody voted', { kind: 'all' }, [], 'pending'],
    ['all: two of three approved', { kind: 'all' }, votesOf(['a', 'approve'], ['b', 'approve']), 'pending'],
    ['all: every member approved', { kind: 'all' }, votesOf(['a', 'approve'], ['b', 'approve'], ['c', 'approve']), 'approved'],
    ['all: one rejection rejects', { kind: 'all' }, votesOf(['a', 'approve'], ['b', 'reject']), 'rejected'],
    ['any: the first approval approves', { kind: 'any' }, votesOf(['a', 'reject'], ['b', 'approve']), 'approved'],
    ['any: two rejections leave it open', { kind: 'any' }, votesOf(['a', 'reject'], ['b', 'reject']), 'pending'],
    ['any: every member rejected', { kind: 'any' }, votesOf(['a', 'reject'], ['b', 'reject'], ['c', 'reject']), 'rejected'],
    ['quorum 2: one approval', { kind: 'quorum', quorum: 2 }, votesOf(['a', 'approve']), 'pending'],
    ['quorum 2: two approvals', { kind: 'quorum', quorum: 2 }, votesOf(['a', 'approve'], ['c', 'approve']), 'approved'],
    ['quorum 2: one rejection leaves two who may approve', { kind: 'quorum', quorum: 2 }, votesOf(['a', 'reject']), 'pending'],
    ['quorum 2: two rejections make 2 approvals impossible', { kind: 'quorum', quorum: 2 }, votesOf(['a', 'reject'], ['b', 'reject']), 'rejected'],
    ['votes of non-approvers do not count', { kind: 'any' }, votesOf(['zed', 'approve']), 'pending'],
  ])('%s: %s', (_case, rule, votes, outcome) => {
    expect(approvalOutcome(boardOf(rule), votes)).toBe(outcome);
  });
});

describe('castVote', () => {
  const route = boardOf({ kind: 'all' });
  const vote = (approverId: string, decision: 'approve' | 'reject' = 'approve', comment = 'Plan reviewed'): ApprovalVote => ({ approverId, decision, comment, at });

  it('adds the vote with its comment trimmed', () => {
    expect(castVote(route, [], vote('a', 'approve', '  Looks safe  '))).toEqual([{ ...vote('a'), comment: 'Looks safe' }]);
  });

  it.each<[string, ApprovalVote[], ApprovalVote, new (...args: never[]) => Error]>([
    ['someone who is not an approver', [], vote('zed'), ForbiddenError],
    ['an approver voting twice', votesOf(['a', 'approve']), vote('a', 'reject'), StateConflictError],
    ['a vote after the decision', votesOf(['a', 'reject']), vote('b'), StateConflictError],
    ['a vote without a comment', [], vote('a', 'approve', '   '), RuleViolationError],
    ['an unknown decision', [], { ...vote('a'), decision: 'abstain' as 'approve' }, RuleViolationError],
  ])('refuses %s', (_case, votes, next, error) => {
    expect(() => castVote(route, votes, next)).toThrow(error);
  });
});
