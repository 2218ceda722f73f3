import { groupScope, isAllowed, policyNamed } from '@itsm/access';
import { ForbiddenError, Principal, RuleViolationError, StateConflictError, ValidationIssue } from '@itsm/contracts';
import { ApprovalRoute, ApprovalVote, approvalOutcome, castVote, routeApproval } from './change-approval';
import { CHANGE_COMMANDS, ChangeCommand, ChangePlans, changeCommandPolicy } from './change-commands';
import { ChangeConflict, ConflictOverride, checkWindow, conflictOverride } from './change-conflicts';
import { ApprovalOutcome, CHANGE_TYPES, CLOSURE_CODES, ChangeState, ChangeType, ClosureCode, RiskLevel } from '@itsm/contracts/transition';
import { TimeWindow } from './change-model';
import { RiskAssessment, assessRisk } from './change-risk';
import { conflictsDiffer, unacceptedConflicts } from './conflict-recheck';

/** The id facts name when the transition service itself acted (conflicts found again). */
export const TRANSITION_SYSTEM_ID = 'system:transition';

/** The transition service itself as the actor; recognised by identity, so no principal built from input passes for it. */
export const TRANSITION_SYSTEM = Object.freeze({ system: TRANSITION_SYSTEM_ID });
export type ChangeActor = Principal | typeof TRANSITION_SYSTEM;

/** A pre-authorised template of standard changes: the plans and items every change from it starts with. */
export interface ChangeTemplate {
  readonly templateId: string;
  readonly name: string;
  readonly plans: ChangePlans;
  readonly itemIds: readonly string[];
  readonly active: boolean;
}

/** One round of authorisation: who must decide and by which rule (the route), their votes, the outcome. */
export interface ChangeApproval extends ApprovalRoute {
  readonly votes: readonly ApprovalVote[];
  readonly outcome: ApprovalOutcome;
  readonly requestedAt: Date;
}

export interface PostImplementationReview {
  readonly summary: string;
  readonly lessons?: string;
  readonly reviewedAt: Date;
  readonly reviewedBy: string;
}

/** A change request as the transition service stores and moves it (only through `applyChangeCommand`). */
export interface Change {
  readonly changeId: string;
  readonly number: string;
  readonly type: ChangeType;
  readonly state: ChangeState;
  readonly title: string;
  readonly description: string;
  readonly requestedBy: string;
  /** The group that implements it; its manager approves it when its risk is low. */
  readonly changeGroupId: string;
  readonly templateId?: string;
  /** Affected configuration items (CMDB ids). */
  readonly itemIds: readonly string[];
  readonly plans: Partial<ChangePlans>;
  readonly plannedWindow?: TimeWindow;
  /** A standard change's risk is its template's: low, pre-assessed. */
  readonly risk?: RiskLevel;
  readonly riskAssessment?: RiskAssessment;
  /** The current round; earlier, rejected rounds in `rejectedApprovals`. */
  readonly approval?: ChangeApproval;
  readonly rejectedApprovals: readonly ChangeApproval[];
  /** The conflicts of the planned window as last detected. */
  readonly conflicts: readonly ChangeConflict[];
  /** Every override of conflicts, in order. */
  readonly overrides: readonly ConflictOverride[];
  readonly implementationNotes?: string;
  readonly review?: PostImplementationReview;
  readonly closure?: { readonly code: ClosureCode; readonly notes: string; readonly closedAt: Date; readonly closedBy: string };
  readonly cancellation?: { readonly reason: string; readonly fromState: ChangeState; readonly cancelledAt: Date; readonly cancelledBy: string };
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What happened, in order; each fact is one event. `state` is the change's state after it. */
export interface ChangeFact {
  readonly type:
    | 'submitted'
    | 'assessed'
    | 'approval-requested'
    | 'voted'
    | 'approved'
    | 'rejected'
    | 'scheduled'
    | 'replanned'
    | 'conflicts-overridden'
    | 'conflicts-changed'
    | 'implementation-started'
    | 'implementation-completed'
    | 'reviewed'
    | 'closed'
    | 'cancelled';
  readonly at: Date;
  readonly by: string;
  readonly state: ChangeState;
}

export interface ChangeDecision {
  readonly change: Change;
  readonly facts: readonly ChangeFact[];
}

/** What raising a change needs; a standard change names its template, which supplies plans and items not given. */
export interface ChangeRequestInput {
  readonly changeId: string;
  readonly type: ChangeType;
  readonly title: string;
  readonly description?: string;
  readonly changeGroupId: string;
  readonly itemIds?: readonly string[];
  readonly plans?: Partial<ChangePlans>;
  readonly plannedWindow?: TimeWindow;
}

/**
 * A new change in New. `RuleViolationError` naming each field: a blank `title` or `changeGroupId`, an
 * unknown `type`, a standard change without an active `template` (or a template on another type), an
 * invalid `plannedWindow`.
 */
export function openChange(input: ChangeRequestInput, number: string, requestedBy: string, now: Date, template?: ChangeTemplate): Change {
  const issues: ValidationIssue[] = [];
  const title = input.title.trim();
  if (title === '') issues.push({ field: 'title', messages: ['title must not be blank'] });
  if (input.changeGroupId.trim() === '') issues.push({ field: 'changeGroupId', messages: ['changeGroupId must not be blank'] });
  if (!(CHANGE_TYPES as readonly string[]).includes(input.type)) issues.push({ field: 'type', messages: [`type must be one of ${CHANGE_TYPES.join(', ')}`] });
  if (input.type === 'standard' && (template === undefined || !template.active)) issues.push({ field: 'templateId', messages: ['a standard change is raised from an active template'] });
  if (input.type !== 'standard' && template !== undefined) issues.push({ field: 'templateId', messages: ['only standard changes come from templates'] });
  if (issues.length > 0) throw new RuleViolationError(issues);
  if (input.plannedWindow !== undefined) checkWindow(input.plannedWindow);
  return {
    changeId: input.changeId,
    number,
    type: input.type,
    state: 'new',
    title,
    description: input.description?.trim() ?? '',
    requestedBy,
    changeGroupId: input.changeGroupId.trim(),
    ...(template === undefined ? {} : { templateId: template.templateId, risk: 'low' as const }),
    itemIds: [...new Set(input.itemIds ?? template?.itemIds ?? [])],
    plans: { ...template?.plans, ...trimmedPlans(input.plans ?? {}) },
    ...(input.plannedWindow === undefined ? {} : { plannedWindow: input.plannedWindow }),
    rejectedApprovals: [],
    conflicts: [],
    overrides: [],
    createdAt: now,
    updatedAt: now,
  };
}

export interface ChangeCommandContext {
  readonly actor: ChangeActor;
  /** The server's clock; facts are dated `max(now, change.updatedAt)`. */
  readonly now: Date;
}

/**
 * The change after `command` and the facts to record, by the lifecycle table (`CHANGE_COMMANDS`).
 * Pure: the use case stores the result guarded by the version it read, with the facts as events.
 * Checks, in this order:
 * - `ForbiddenError` (403): the actor lacks the command's policy for the change's type; a resolver
 *   implementing another group's change; a user for a command only the service performs or the reverse;
 *   a vote by someone not among the approvers; an override without `changes.override-conflicts`.
 * - `StateConflictError` (409): the command is not allowed for the type in the state; scheduling an
 *   unapproved change; `ChangeConflictError` (409) for conflicts without a justification.
 * - `RuleViolationError` (400), naming each field: blank texts, an unknown closure code, missing
 *   plans, items or window at scheduling, a review missing at closure.
 */
export function applyChangeCommand(change: Change, command: ChangeCommand, context: ChangeCommandContext): ChangeDecision {
  const rule = Object.hasOwn(CHANGE_COMMANDS, command.kind) ? CHANGE_COMMANDS[command.kind] : undefined;
  if (rule === undefined) throw RuleViolationError.of('kind', `kind must be one of ${Object.keys(CHANGE_COMMANDS).join(', ')}`);
  const at = new Date(Math.max(context.now.getTime(), change.updatedAt.getTime()));
  const by = authorise(change, command, context.actor);
  const from = rule.from[change.type];
  if (from === undefined || !from.includes(change.state)) {
    throw new StateConflictError(`${command.kind} is not allowed on ${change.type} change ${change.number} in state ${change.state}${from ? ` (only from ${from.join(', ')})` : ''}`);
  }
  const step = new ChangeStep(change, at, by);
  switch (command.kind) {
    case 'submit':
      if (change.type === 'emergency') {
        if (command.authorities === undefined) throw RuleViolationError.of('authorities', 'an emergency change is routed to the emergency CAB');
        step.move('authorize', 'submitted');
        step.requestApproval(routeApproval('emergency', change.risk ?? 'high', command.authorities));
      } else {
        step.move('assess', 'submitted');
      }
      break;
    case 'assess': {
      const riskAssessment = assessRisk(command.riskAnswers, command.affectedCriticalities);
      step.set({ riskAssessment, risk: riskAssessment.risk });
      step.move('authorize', 'assessed');
      step.requestApproval(routeApproval(change.type, riskAssessment.risk, command.authorities));
      break;
    }
    case 'vote':
      vote(step, command, by);
      break;
    case 'schedule':
      if (change.type !== 'standard' && change.approval?.outcome !== 'approved') throw new StateConflictError(`change ${change.number} is not approved yet`);
      checkReadyToSchedule(step.change);
      step.acceptConflicts(command.conflicts, command.justification, true, context.actor);
      step.move('scheduled', 'scheduled');
      break;
    case 'replan':
      replan(step, command, context.actor);
      break;
    case 'refresh-conflicts':
      if (!conflictsDiffer(change.conflicts, command.conflicts)) return { change, facts: [] };
      step.set({ conflicts: command.conflicts });
      step.fact('conflicts-changed');
      break;
    case 'start-implementation':
      step.move('implement', 'implementation-started');
      break;
    case 'complete-implementation':
      step.set({ implementationNotes: required(command.notes, 'notes') });
      step.move('review', 'implementation-completed');
      break;
    case 'review': {
      const lessons = command.lessons?.trim();
      step.set({ review: { summary: required(command.summary, 'summary'), ...(lessons ? { lessons } : {}), reviewedAt: at, reviewedBy: by } });
      step.fact('reviewed');
      break;
    }
    case 'close':
      close(step, command, by);
      break;
    case 'cancel':
      step.set({ cancellation: { reason: required(command.reason, 'reason'), fromState: change.state, cancelledAt: at, cancelledBy: by } });
      step.move('cancelled', 'cancelled');
      break;
  }
  return { change: { ...step.change, updatedAt: at }, facts: step.facts };
}

function authorise(change: Change, command: ChangeCommand, actor: ChangeActor): string {
  const policyName = changeCommandPolicy(command.kind, change.type);
  if (actor === TRANSITION_SYSTEM) {
    if (policyName !== undefined) throw new ForbiddenError(`${command.kind} is performed by a user, not by the transition service`);
    return TRANSITION_SYSTEM_ID;
  }
  const principal = actor as Principal;
  if (policyName === undefined) throw new ForbiddenError(`${command.kind} is performed by the transition service only`);
  const policy = policyNamed(policyName);
  if (!isAllowed(principal, policy)) throw new ForbiddenError(`${principal.userId} may not ${command.kind} changes`);
  if (groupScope(principal, policy) === 'groups' && !principal.groups.includes(change.changeGroupId)) {
    throw new ForbiddenError(`${principal.userId} may ${command.kind} only the changes of their groups`);
  }
  if (command.kind === 'replan' && change.state !== 'new' && !isAllowed(principal, policyNamed('changes.manage'))) {
    throw new ForbiddenError(`${principal.userId} may replan only changes in New (a change manager replans assessed ones)`);
  }
  return principal.userId;
}

function vote(step: ChangeStep, command: Extract<ChangeCommand, { kind: 'vote' }>, by: string): void {
  const approval = step.change.approval;
  if (approval === undefined) throw new StateConflictError(`change ${step.change.number} has no approval requested`);
  const votes = castVote(approval, approval.votes, { approverId: by, decision: command.decision, comment: command.comment, at: step.at });
  const outcome = approvalOutcome(approval, votes);
  step.set({ approval: { ...approval, votes, outcome } });
  step.fact('voted');
  if (outcome === 'approved') step.fact('approved');
  if (outcome === 'rejected') {
    const { approval: _decided, ...withoutApproval } = step.change;
    step.change = { ...withoutApproval, rejectedApprovals: [...step.change.rejectedApprovals, { ...approval, votes, outcome }] };
    step.move('new', 'rejected');
  }
}

function replan(step: ChangeStep, command: Extract<ChangeCommand, { kind: 'replan' }>, actor: ChangeActor): void {
  if (command.plannedWindow !== undefined) checkWindow(command.plannedWindow);
  if (command.plannedWindow === undefined && command.itemIds === undefined && command.plans === undefined) {
    throw RuleViolationError.of('plannedWindow', 'a replan changes the planned window, the items or the plans');
  }
  step.set({
    ...(command.plannedWindow === undefined ? {} : { plannedWindow: command.plannedWindow }),
    ...(command.itemIds === undefined ? {} : { itemIds: [...new Set(command.itemIds)] }),
    ...(command.plans === undefined ? {} : { plans: { ...step.change.plans, ...trimmedPlans(command.plans) } }),
  });
  if (step.change.state === 'scheduled') {
    checkReadyToSchedule(step.change);
    // A scheduled change holds its window: a replan that brings new conflicts needs an override, as scheduling does.
    step.acceptConflicts(command.conflicts, command.justification, false, actor);
  } else {
    step.set({ conflicts: command.conflicts });
  }
  step.fact('replanned');
}

function close(step: ChangeStep, command: Extract<ChangeCommand, { kind: 'close' }>, by: string): void {
  if (!(CLOSURE_CODES as readonly string[]).includes(command.code)) throw RuleViolationError.of('code', `code must be one of ${CLOSURE_CODES.join(', ')}`);
  const notes = required(command.notes, 'notes');
  // A standard change that went as its template says needs no review; every other outcome teaches something.
  if (step.change.review === undefined && !(step.change.type === 'standard' && command.code === 'successful')) {
    throw RuleViolationError.of('review', `change ${step.change.number} needs its post-implementation review before it is closed ${command.code}`);
  }
  step.set({ closure: { code: command.code, notes, closedAt: step.at, closedBy: by } });
  step.move('closed', 'closed');
}

/** `RuleViolationError` naming each missing part: a planned window, an affected item, each plan. */
function checkReadyToSchedule(change: Change): void {
  const issues: ValidationIssue[] = [];
  if (change.plannedWindow === undefined) issues.push({ field: 'plannedWindow', messages: ['a scheduled change needs a planned window'] });
  if (change.itemIds.length === 0) issues.push({ field: 'itemIds', messages: ['a scheduled change names at least one affected item'] });
  for (const plan of ['implementation', 'backout', 'test'] as const) {
    if (!change.plans[plan]) issues.push({ field: `plans.${plan}`, messages: [`a scheduled change needs its ${plan} plan`] });
  }
  if (issues.length > 0) throw new RuleViolationError(issues);
}

function trimmedPlans(plans: Partial<ChangePlans>): Partial<ChangePlans> {
  const result: Partial<Record<keyof ChangePlans, string>> = {};
  for (const plan of ['implementation', 'backout', 'test'] as const) {
    const text = plans[plan]?.trim();
    if (text) result[plan] = text;
  }
  return result;
}

function required(text: string, field: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw RuleViolationError.of(field, `${field} must not be blank`);
  return trimmed;
}

/** The change as a command moves it, and the facts it collects. */
class ChangeStep {
  readonly facts: ChangeFact[] = [];

  constructor(
    public change: Change,
    readonly at: Date,
    readonly by: string,
  ) {}

  set(fields: Partial<Change>): void {
    this.change = { ...this.change, ...fields };
  }

  move(to: ChangeState, fact: ChangeFact['type']): void {
    this.set({ state: to });
    this.fact(fact);
  }

  fact(type: ChangeFact['type']): void {
    this.facts.push({ type, at: this.at, by: this.by, state: this.change.state });
  }

  requestApproval(route: ApprovalRoute): void {
    this.set({ approval: { ...route, votes: [], outcome: 'pending', requestedAt: this.at } });
    this.fact('approval-requested');
  }

  /**
   * Records `conflicts` as the change's own; an override when there are any (`conflictOverride`). On a
   * replan (`always` false) only conflicts no earlier override named need one (`unacceptedConflicts`):
   * an override covers the conflicts it named, and those the service found later (`refresh-conflicts`)
   * were recorded, not accepted.
   */
  acceptConflicts(conflicts: readonly ChangeConflict[], justification: string | undefined, always: boolean, actor: ChangeActor): void {
    const needing = always ? conflicts : unacceptedConflicts(conflicts, this.change.overrides);
    const command = always ? 'schedule' : 'replan';
    const override = conflictOverride(needing, justification, this.by, this.at, command);
    if (override !== undefined) {
      if (actor === TRANSITION_SYSTEM || !isAllowed(actor as Principal, policyNamed('changes.override-conflicts'))) {
        throw new ForbiddenError(`${this.by} may not ${command} over conflicts (a change manager may, with a justification)`);
      }
      this.set({ overrides: [...this.change.overrides, override] });
      this.fact('conflicts-overridden');
    }
    this.set({ conflicts });
  }
}
