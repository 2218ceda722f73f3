import { PolicyName } from '@itsm/access';
import { ApprovalAuthorities } from './change-approval';
import { ChangeConflict } from './change-conflicts';
import { CHANGE_STATES, ChangeState, ChangeType, ClosureCode, VoteDecision } from '@itsm/contracts/transition';
import { TimeWindow } from './change-model';

/** Implementation, backout and test plans (each required, non-blank, before a change is scheduled). */
export interface ChangePlans {
  readonly implementation: string;
  readonly backout: string;
  readonly test: string;
}

/**
 * What a caller (or the transition service itself) asks of a change. Texts are trimmed; a blank
 * required text is a `RuleViolationError` naming the field. `conflicts` are what
 * `detectChangeConflicts` found for the window the command leaves the change with; `justification`
 * overrides them (`conflictOverride`).
 *
 * - `submit`: a normal change to Assess; an emergency change straight to Authorize, routed to the
 *   emergency CAB (`authorities`).
 * - `assess`: a normal change's risk (`riskAnswers`, the affected items' `affectedCriticalities`), then
 *   Authorize, routed by risk (`routeApproval`).
 * - `vote`: the caller, one of the change's approvers, approves or rejects with a `comment`; a
 *   rejection decided by the board's rule returns the change to New (to be revised and submitted again).
 * - `schedule`: to Scheduled, with its planned window, items and plans; a standard change from New
 *   (its template authorised it), others once approved; conflicts need an override.
 * - `replan`: new planned window, items or plans while the change is planned (`PLANNING_CHANGE_STATES`);
 *   a scheduled change's new conflicts need an override as scheduling does.
 * - `refresh-conflicts`: the transition service records the conflicts found again after something else
 *   changed (another change, a freeze, a maintenance window, the CMDB).
 * - `start-implementation`: Scheduled → Implement. `complete-implementation`: Implement → Review, with `notes`.
 * - `review`: the post-implementation review (`summary`, optional `lessons`), in Review.
 * - `close`: Review → Closed with a closure `code` and `notes`; needs the review unless a standard change succeeded.
 * - `cancel`: → Cancelled with a `reason`, from any state up to Implement.
 */
export type ChangeCommand =
  | { readonly kind: 'submit'; readonly authorities?: ApprovalAuthorities }
  | { readonly kind: 'assess'; readonly riskAnswers: Readonly<Record<string, unknown>>; readonly affectedCriticalities: readonly string[]; readonly authorities: ApprovalAuthorities }
  | { readonly kind: 'vote'; readonly decision: VoteDecision; readonly comment: string }
  | { readonly kind: 'schedule'; readonly conflicts: readonly ChangeConflict[]; readonly justification?: string }
  | {
      readonly kind: 'replan';
      readonly plannedWindow?: TimeWindow;
      readonly itemIds?: readonly string[];
      readonly plans?: Partial<ChangePlans>;
      readonly conflicts: readonly ChangeConflict[];
      readonly justification?: string;
    }
  | { readonly kind: 'refresh-conflicts'; readonly conflicts: readonly ChangeConflict[] }
  | { readonly kind: 'start-implementation' }
  | { readonly kind: 'complete-implementation'; readonly notes: string }
  | { readonly kind: 'review'; readonly summary: string; readonly lessons?: string }
  | { readonly kind: 'close'; readonly code: ClosureCode; readonly notes: string }
  | { readonly kind: 'cancel'; readonly reason: string };

export type ChangeCommandKind = ChangeCommand['kind'];

/** One row of the change lifecycle table. */
export interface ChangeCommandRule {
  /** States the change may be in, per change type (a type missing here cannot take the command). */
  readonly from: Readonly<Partial<Record<ChangeType, readonly ChangeState[]>>>;
  /**
   * The `ROUTE_POLICIES` entry whose roles may perform it, per type where they differ (`default` for the
   * rest); absent: only the transition service itself performs it.
   */
  readonly policy?: { readonly default: PolicyName } & Readonly<Partial<Record<ChangeType, PolicyName>>>;
}

const ALL_TYPES = <S extends readonly ChangeState[]>(states: S) => ({ standard: states, normal: states, emergency: states });

/** Up to Implement (source: the shared domain rules): not from Review, Closed or Cancelled. */
export const CANCELLABLE_CHANGE_STATES: readonly ChangeState[] = CHANGE_STATES.slice(0, CHANGE_STATES.indexOf('implement') + 1);

/**
 * The change lifecycle (source: the shared domain rules, ITIL change enablement as the leading
 * products implement it); the paths per type are `CHANGE_PATHS`. Who may act: `changes.request` raises,
 * submits and replans drafts and schedules standard changes; `changes.manage` (change managers) assesses,
 * schedules, replans authorised changes, reviews, closes and cancels; `changes.approve` votes (the service
 * checks the change's own approvers); `changes.implement` implements (a resolver only their group's changes).
 */
export const CHANGE_COMMANDS: Readonly<Record<ChangeCommandKind, ChangeCommandRule>> = {
  submit: { from: { normal: ['new'], emergency: ['new'] }, policy: { default: 'changes.request' } },
  assess: { from: { normal: ['assess'] }, policy: { default: 'changes.manage' } },
  vote: { from: { normal: ['authorize'], emergency: ['authorize'] }, policy: { default: 'changes.approve' } },
  schedule: { from: { standard: ['new'], normal: ['authorize'], emergency: ['authorize'] }, policy: { default: 'changes.manage', standard: 'changes.request' } },
  // Replanning a change past New needs `changes.manage` as well (`applyChangeCommand`): its window was assessed.
  replan: { from: ALL_TYPES(['new', 'assess', 'authorize', 'scheduled']), policy: { default: 'changes.request' } },
  'refresh-conflicts': { from: ALL_TYPES(['assess', 'authorize', 'scheduled', 'implement']) },
  'start-implementation': { from: ALL_TYPES(['scheduled']), policy: { default: 'changes.implement' } },
  'complete-implementation': { from: ALL_TYPES(['implement']), policy: { default: 'changes.implement' } },
  review: { from: ALL_TYPES(['review']), policy: { default: 'changes.manage' } },
  close: { from: ALL_TYPES(['review']), policy: { default: 'changes.manage' } },
  cancel: { from: ALL_TYPES(CANCELLABLE_CHANGE_STATES), policy: { default: 'changes.manage' } },
};

/** The policy governing `kind` on a change of `type` (undefined: only the transition service performs it). */
export function changeCommandPolicy(kind: ChangeCommandKind, type: ChangeType): PolicyName | undefined {
  const policy = CHANGE_COMMANDS[kind].policy;
  return policy === undefined ? undefined : (policy[type] ?? policy.default);
}
