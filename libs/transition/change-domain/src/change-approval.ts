import { ForbiddenError, RuleViolationError, StateConflictError } from '@itsm/contracts';
import { ApprovalOutcome, ApproverKind, ChangeType, DECISION_RULE_KINDS, RiskLevel, VoteDecision } from '@itsm/contracts/transition';

/**
 * How a board reaches a decision from its members' votes (configured per board, see `approvalOutcome`):
 * - `all`: approved once every member approved; one rejection rejects;
 * - `any`: approved at the first approval; rejected only once every member rejected;
 * - `quorum`: approved once `quorum` members approved; rejected once that can no longer happen
 *   (more than members − quorum rejected). `quorum` is 1..members.
 */
export type DecisionRule = { readonly kind: 'all' } | { readonly kind: 'any' } | { readonly kind: 'quorum'; readonly quorum: number };

/** A change advisory board as configured: its members (user ids) and its decision rule. */
export interface ChangeBoard {
  readonly memberIds: readonly string[];
  readonly rule: DecisionRule;
}

/** Who must decide on one change, fixed when approval is requested (a later change of the board does not move it). */
export interface ApprovalRoute {
  readonly approverKind: ApproverKind;
  readonly approverIds: readonly string[];
  readonly rule: DecisionRule;
}

/** What the routing reads: the change group's manager (if the group has one) and the two boards. */
export interface ApprovalAuthorities {
  readonly groupManagerId?: string;
  readonly cab: ChangeBoard;
  readonly ecab: ChangeBoard;
}

/** One approver's vote, with the comment every vote needs. */
export interface ApprovalVote {
  readonly approverId: string;
  readonly decision: VoteDecision;
  readonly comment: string;
  readonly at: Date;
}

/**
 * `RuleViolationError` (naming `field`) unless `rule` is a decision rule a board of `memberCount`
 * members can reach: a known kind, a whole quorum of 1..memberCount; a board needs a member.
 */
export function checkDecisionRule(rule: DecisionRule, memberCount: number, field = 'rule'): void {
  if (memberCount < 1) throw RuleViolationError.of('memberIds', 'a board needs at least one member');
  if (!(DECISION_RULE_KINDS as readonly string[]).includes(rule.kind)) throw RuleViolationError.of(`${field}.kind`, `${field}.kind must be one of ${DECISION_RULE_KINDS.join(', ')}`);
  if (rule.kind === 'quorum' && !(Number.isInteger(rule.quorum) && rule.quorum >= 1 && rule.quorum <= memberCount)) {
    throw RuleViolationError.of(`${field}.quorum`, `${field}.quorum must be a whole number from 1 to the ${memberCount} member(s)`);
  }
}

/**
 * Who authorises a change of `type` at `risk` (source: the shared domain rules): an emergency change
 * the emergency CAB whatever its risk; a normal one the change group's manager when low, the CAB when
 * moderate or high. A group manager decides alone (`any` of one).
 * - `StateConflictError`: a standard change (pre-authorised by its template, never routed).
 * - `RuleViolationError`: the route leads nowhere: `changeGroupId` for a low-risk change whose group has
 *   no manager (or is unknown), `cab`/`ecab` for a board with no members (or not configured), `cab.quorum`/`ecab.quorum` for an unreachable quorum.
 */
export function routeApproval(type: ChangeType, risk: RiskLevel, authorities: ApprovalAuthorities): ApprovalRoute {
  if (type === 'standard') throw new StateConflictError('a standard change is pre-authorised by its template and needs no approval');
  if (type === 'emergency') return boardRoute('ecab', authorities.ecab);
  if (risk === 'low') {
    if (!authorities.groupManagerId) throw RuleViolationError.of('changeGroupId', 'a low-risk change is approved by its change group\'s manager, and the group has none');
    return { approverKind: 'group_manager', approverIds: [authorities.groupManagerId], rule: { kind: 'any' } };
  }
  return boardRoute('cab', authorities.cab);
}

function boardRoute(kind: 'cab' | 'ecab', board: ChangeBoard): ApprovalRoute {
  const memberIds = [...new Set(board.memberIds)];
  if (memberIds.length === 0) throw RuleViolationError.of(kind, `the ${kind === 'cab' ? 'CAB' : 'emergency CAB'} has no members to approve the change`);
  checkDecisionRule(board.rule, memberIds.length, kind);
  return { approverKind: kind, approverIds: memberIds, rule: board.rule };
}

/** The decision `votes` amount to under the route's rule (votes of non-approvers are ignored). */
export function approvalOutcome(route: ApprovalRoute, votes: readonly ApprovalVote[]): ApprovalOutcome {
  const counted = votes.filter((vote) => route.approverIds.includes(vote.approverId));
  const approvals = counted.filter((vote) => vote.decision === 'approve').length;
  const rejections = counted.length - approvals;
  const members = route.approverIds.length;
  const needed = route.rule.kind === 'all' ? members : route.rule.kind === 'any' ? 1 : route.rule.quorum;
  if (approvals >= needed) return 'approved';
  if (rejections > members - needed) return 'rejected';
  return 'pending';
}

/**
 * The votes after `vote`, checked: `StateConflictError` when the decision is already made or the
 * approver already voted; `ForbiddenError` when the voter is not one of the route's approvers;
 * `RuleViolationError` naming `comment` when it is blank (trimmed otherwise) or `decision` when unknown.
 */
export function castVote(route: ApprovalRoute, votes: readonly ApprovalVote[], vote: ApprovalVote): ApprovalVote[] {
  if (approvalOutcome(route, votes) !== 'pending') throw new StateConflictError('the approval is already decided');
  if (!route.approverIds.includes(vote.approverId)) throw new ForbiddenError(`${vote.approverId} is not an approver of this change (${route.approverKind})`);
  if (votes.some((earlier) => earlier.approverId === vote.approverId)) throw new StateConflictError(`${vote.approverId} has already voted on this change`);
  if (vote.decision !== 'approve' && vote.decision !== 'reject') throw RuleViolationError.of('decision', 'decision must be approve or reject');
  const comment = vote.comment.trim();
  if (comment === '') throw RuleViolationError.of('comment', 'a vote needs a comment');
  return [...votes, { ...vote, comment }];
}
