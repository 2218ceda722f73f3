import { PolicyName, groupScope, isAllowed, policyNamed, recordScope } from '@itsm/access';
import { BusinessCalendar, addBusinessTime, instantToMs } from '@itsm/business-calendar';
import { ForbiddenError, NotFoundError, Principal, RuleViolationError, StateConflictError, ValidationIssue } from '@itsm/contracts';
import {
  CANCEL_REASONS,
  CancelReason,
  HOLD_REASONS,
  HoldReason,
  IMPACT_LEVELS,
  IncidentState,
  RESOLUTION_CODES,
  ResolutionCode,
  URGENCY_LEVELS,
} from '@itsm/contracts/operation';
import { INCIDENT_COMMANDS, IncidentCommand } from './incident-commands';
import { IncidentFact } from './incident-facts';
import { Incident } from './open-incident';
import { PARENT_MAX_CHILDREN, ParentLinkProblem, parentLinkProblem } from './incident-parent';
import { derivePriority } from './priority-matrix';
import { applyProblemLink } from './problem-link';
import { applyChangeCause } from './change-cause';

/** The id facts name when the operation service itself acted (auto-close, routing, escalation). */
export const SYSTEM_ACTOR_ID = 'system:operation';

/**
 * The operation service itself as the actor of a command (only commands with `bySystem` in
 * `INCIDENT_COMMANDS`). Recognised by identity, not by shape, so no principal built from input can
 * pass for it.
 */
export const SYSTEM_ACTOR = Object.freeze({ system: SYSTEM_ACTOR_ID });
export type SystemActor = typeof SYSTEM_ACTOR;

function isSystem(actor: IncidentActor): actor is SystemActor {
  return actor === SYSTEM_ACTOR;
}

/** Who performs a command: the verified caller the gateway forwarded, or the operation service itself. */
export type IncidentActor = Principal | SystemActor;

/**
 * Facts the KPIs need, recorded as they happen (so reopen and hold never distort a figure computed
 * later, and the first response is never overwritten). Durations are wall-clock ms.
 *
 * - `firstResponseAt`: the first action by someone other than the caller that answers the report:
 *   starting work, putting it on hold, resolving it, a comment to the caller, or an assignment to a
 *   person (what the leading products stop a response SLA on). Set once.
 * - `reassignmentCount`: how often the incident moved from one assignment group to another (the
 *   first assignment, by routing or by hand, is not a reassignment; a new assignee in the same group neither).
 * - `reopenCount`: reopenings from Resolved.
 * - `timeInStateMs`: ms spent in each state the incident has left, summed over visits; the current
 *   state's time runs from `stateEnteredAt` (`timeInStates` adds it).
 * - `resolvedAtFirstContact`: set at resolution: the service desk resolved it at first contact (an agent
 *   with the `service_desk_agent` role, never reassigned, never on hold, never reopened: HDI's
 *   first-contact resolution, no escalation or call-back). Cleared by a reopening.
 */
export interface IncidentKpis {
  readonly firstResponseAt?: Date;
  readonly reassignmentCount: number;
  readonly reopenCount: number;
  readonly timeInStateMs: Readonly<Partial<Record<IncidentState, number>>>;
  readonly stateEnteredAt: Date;
  readonly resolvedAtFirstContact?: boolean;
}

/** How it was resolved, and the deadlines the resolution set (instants on the lifecycle rules' calendar). */
export interface IncidentResolution {
  readonly code: ResolutionCode;
  readonly notes: string;
  readonly resolvedAt: Date;
  readonly resolvedBy: string;
  /** When the scheduler closes it (`auto-close`), unless someone closes or reopens it first. */
  readonly autoCloseAt: Date;
  /** Until when the caller may reopen it (agents may until it is closed). */
  readonly callerReopenUntil: Date;
}

export interface IncidentCancellation {
  readonly reason: CancelReason;
  readonly duplicateOf?: string;
  readonly note?: string;
  readonly cancelledAt: Date;
  readonly cancelledBy: string;
}

/** The lifecycle fields of an incident, moved only by `applyIncidentCommand`. */
export interface IncidentLifecycle {
  /** Set while On Hold. */
  readonly holdReason?: HoldReason;
  readonly assignmentGroupId?: string;
  readonly assigneeId?: string;
  /** Set while Resolved and once Closed after a resolution. */
  readonly resolution?: IncidentResolution;
  readonly cancellation?: IncidentCancellation;
  readonly closedAt?: Date;
  /** The parent incident, while it is a child of one (`incident-parent.ts`). */
  readonly parentId?: string;
  readonly kpis: IncidentKpis;
  /** The problem the incident is linked to (one at most), set and cleared by problem management. */
  readonly problemId?: string;
  readonly problemNumber?: string;
  /** Keys of what problem management already put on the timeline (`problemNoticeKey`), so a redelivery adds nothing twice. */
  readonly problemNotices?: readonly string[];
  /** The change that caused the incident (transition's change id), recorded by an incident worker (`change-cause.ts`). */
  readonly causedByChangeId?: string;
  /** Its number, e.g. CHG0000042, when the worker gave it. */
  readonly causedByChangeNumber?: string;
}

/** An incident with its lifecycle: what the operation service stores and moves. */
export type TrackedIncident = Incident & IncidentLifecycle;

/**
 * The operation service's configuration of the lifecycle (business ms on `calendar`, 24x7 without one).
 *
 * - `autoCloseAfterMs` (> 0): a Resolved incident closes by itself this long after its resolution.
 * - `callerReopenWithinMs` (>= 0): the caller may reopen their resolved incident this long after the
 *   resolution (and never once it is closed).
 */
export interface IncidentLifecycleRules {
  readonly autoCloseAfterMs: number;
  readonly callerReopenWithinMs: number;
  readonly calendar?: BusinessCalendar | null;
}

export interface IncidentCommandContext {
  readonly actor: IncidentActor;
  /** The server's clock; a client never supplies it (no backdating). */
  readonly now: Date;
  readonly rules: IncidentLifecycleRules;
}

/** The incident after the command and what happened, in order (each fact is one event and one timeline entry). */
export interface IncidentDecision {
  readonly incident: TrackedIncident;
  readonly facts: readonly IncidentFact[];
}

/**
 * An opened incident entering the lifecycle: New, nothing counted yet, assigned to the group routing
 * chose (`routedGroupId`, from `chooseAssignmentGroup`), which is reported as an `assigned` fact by the
 * operation service and is not a reassignment.
 */
export function startLifecycle(incident: Incident, routedGroupId?: string): IncidentDecision {
  const kpis: IncidentKpis = { reassignmentCount: 0, reopenCount: 0, timeInStateMs: {}, stateEnteredAt: incident.createdAt };
  if (routedGroupId === undefined) return { incident: { ...incident, kpis }, facts: [] };
  return {
    incident: { ...incident, assignmentGroupId: routedGroupId, kpis },
    facts: [{ type: 'assigned', at: incident.createdAt, by: SYSTEM_ACTOR_ID, groupId: routedGroupId, reassignment: false }],
  };
}

/**
 * The incident after `command`, and the facts to record, by the lifecycle table (`INCIDENT_COMMANDS`).
 * Pure: the use case stores the result guarded by the version it read, with the facts as events.
 * Facts are dated `max(now, incident.updatedAt)`, so a few ms of clock skew between instances never
 * puts a fact before the previous one.
 *
 * Checks, in this order:
 * - `ForbiddenError` (403): the actor lacks the command's policy (`ROUTE_POLICIES` of `@itsm/access`),
 *   or is limited to their groups' incidents (`assignedGroupsOnly`, a resolver) and this one is not
 *   assigned to one of them, or is a user for a command only the operation service performs
 *   (`auto-close`), or the system for one only users perform; a caller reopening after their window.
 * - `NotFoundError` (404): a caller limited to their own records (a requester) acting on someone
 *   else's incident (the id is not disclosed, as for reads).
 * - `StateConflictError` (409): the command is not allowed from the incident's state; an auto-close
 *   before `resolution.autoCloseAt`.
 * - `RuleViolationError` (400), naming each field: a blank required text, a value outside its fixed
 *   list, an assignee not in the group, an assignment or priority change that changes nothing.
 * - `RangeError`: an invalid `now` or invalid lifecycle rules (a programming error).
 */
export function applyIncidentCommand(incident: TrackedIncident, command: IncidentCommand, context: IncidentCommandContext): IncidentDecision {
  const rule = Object.hasOwn(INCIDENT_COMMANDS, command.kind) ? INCIDENT_COMMANDS[command.kind] : undefined;
  if (rule === undefined) throw RuleViolationError.of('kind', `kind must be one of ${Object.keys(INCIDENT_COMMANDS).join(', ')}`);
  const at = new Date(Math.max(instantToMs(context.now, 'now'), incident.updatedAt.getTime()));
  const by = authorisedActor(incident, command.kind, rule.policy, rule.bySystem, context.actor);
  if (!rule.from.includes(incident.state)) {
    throw new StateConflictError(`${command.kind} is not allowed on incident ${incident.number} in state ${incident.state} (only from ${rule.from.join(', ')})`);
  }
  const change = new IncidentChange(incident, at, by);
  if (isFirstResponse(incident, command, context.actor)) change.respond();
  switch (command.kind) {
    case 'assign':
      assign(change, command);
      break;
    case 'start':
    case 'resume':
      change.move('in_progress', 'state-changed');
      break;
    case 'hold':
      hold(change, command);
      break;
    case 'change-priority':
      changePriority(change, command);
      break;
    case 'resolve':
      resolve(change, command, context);
      break;
    case 'close':
      change.move('closed', 'closed', { automatic: false });
      break;
    case 'auto-close':
      autoClose(change);
      break;
    case 'reopen':
      reopen(change, command, context.actor);
      break;
    case 'cancel':
      cancel(change, command);
      break;
    case 'comment':
      comment(change, command, context.actor);
      break;
    case 'work-note':
      change.note('internal', requiredText(command.text, 'text'));
      break;
    case 'link-problem':
    case 'unlink-problem':
    case 'share-workaround':
    case 'apply-problem-fix':
      applyProblemLink(change, command, (notes) => resolve(change, { kind: 'resolve', code: 'solved_permanently', notes }, context));
      break;
    case 'resolve-with-parent':
      resolve(change, { kind: 'resolve', code: command.code, notes: command.notes }, context);
      break;
    case 'link-parent':
      linkParent(change, command);
      break;
    case 'unlink-parent':
      unlinkParent(change);
      break;
    case 'child-linked':
    case 'child-unlinked':
      recordChild(change, command);
      break;
    case 'link-change':
    case 'unlink-change':
      applyChangeCause(change, command);
      break;
  }
  return change.decision();
}

/** Wall-clock ms the incident spent in each state up to `now`, the current state included. */
export function timeInStates(incident: TrackedIncident, now: Date): Partial<Record<IncidentState, number>> {
  const current = Math.max(0, now.getTime() - incident.kpis.stateEnteredAt.getTime());
  const final = incident.state === 'closed' || incident.state === 'cancelled';
  return final ? { ...incident.kpis.timeInStateMs } : { ...incident.kpis.timeInStateMs, [incident.state]: (incident.kpis.timeInStateMs[incident.state] ?? 0) + current };
}

/** Builds the next incident and its facts, one step at a time. */
class IncidentChange {
  private readonly facts: IncidentFact[] = [];

  constructor(
    public incident: TrackedIncident,
    readonly at: Date,
    readonly by: string,
  ) {}

  update(fields: Partial<TrackedIncident>, kpis: Partial<IncidentKpis> = {}): void {
    this.incident = { ...this.incident, ...fields, kpis: { ...this.incident.kpis, ...kpis } };
  }

  record(fact: IncidentFact): void {
    this.facts.push(fact);
  }

  /** Moves to `to`, counting the time spent in the state it leaves, and records the move as a fact of `type`. */
  move<T extends 'state-changed' | 'resolved' | 'closed' | 'reopened' | 'cancelled'>(
    to: IncidentState,
    type: T,
    details: Omit<Extract<IncidentFact, { type: T }>, 'type' | 'at' | 'by' | 'from' | 'to'> = {} as never,
  ): void {
    const { state: from, kpis } = this.incident;
    const spent = this.at.getTime() - kpis.stateEnteredAt.getTime();
    this.update(
      { state: to, holdReason: undefined, ...(to === 'closed' ? { closedAt: this.at } : {}) },
      { timeInStateMs: { ...kpis.timeInStateMs, [from]: (kpis.timeInStateMs[from] ?? 0) + spent }, stateEnteredAt: this.at },
    );
    this.record({ type, at: this.at, by: this.by, from, to, ...details } as IncidentFact);
  }

  note(visibility: 'public' | 'internal', text: string): void {
    this.record({ type: 'commented', at: this.at, by: this.by, visibility, text });
  }

  respond(): void {
    this.update({}, { firstResponseAt: this.at });
    this.record({ type: 'responded', at: this.at, by: this.by });
  }

  decision(): IncidentDecision {
    return { incident: withoutUndefined({ ...this.incident, kpis: withoutUndefined(this.incident.kpis), updatedAt: this.at }), facts: this.facts };
  }
}

function authorisedActor(incident: TrackedIncident, kind: string, policyName: PolicyName | undefined, bySystem: boolean, actor: IncidentActor): string {
  if (isSystem(actor)) {
    if (!bySystem) throw new ForbiddenError(`${kind} is performed by users, not by the operation service`);
    return actor.system;
  }
  if (policyName === undefined) throw new ForbiddenError(`${kind} is performed by the operation service only`);
  const policy = policyNamed(policyName);
  if (!isAllowed(actor, policy)) throw new ForbiddenError(`${kind} requires one of the roles: ${policy.roles.join(', ')}`);
  if (recordScope(actor, policy) === 'own' && incident.callerId !== actor.userId) throw new NotFoundError('incident', incident.incidentId);
  if (groupScope(actor, policy) === 'groups' && (incident.assignmentGroupId === undefined || !actor.groups.includes(incident.assignmentGroupId))) {
    throw new ForbiddenError(`incident ${incident.number} is not assigned to one of your groups`);
  }
  return actor.userId;
}

/** Kinds of command that answer the caller's report when someone other than the caller performs them. */
function isFirstResponse(incident: TrackedIncident, command: IncidentCommand, actor: IncidentActor): boolean {
  if (incident.kpis.firstResponseAt !== undefined || isSystem(actor) || actor.userId === incident.callerId) return false;
  switch (command.kind) {
    case 'start':
    case 'hold':
    case 'resolve':
    case 'comment':
      return true;
    case 'assign':
      return command.assigneeId !== undefined;
    default:
      return false;
  }
}

function assign(change: IncidentChange, command: Extract<IncidentCommand, { kind: 'assign' }>): void {
  const { group, assigneeId } = command;
  const { assignmentGroupId: previousGroupId, assigneeId: previousAssigneeId, kpis } = change.incident;
  if (assigneeId !== undefined && !group.memberIds.includes(assigneeId)) {
    throw RuleViolationError.of('assigneeId', `${assigneeId} is not a member of assignment group ${group.groupId}`);
  }
  if (previousGroupId === group.groupId && previousAssigneeId === assigneeId) {
    throw RuleViolationError.of('groupId', `the incident is already assigned to ${assigneeId ?? 'nobody in'} group ${group.groupId}`);
  }
  const reassignment = previousGroupId !== undefined && previousGroupId !== group.groupId;
  change.update({ assignmentGroupId: group.groupId, assigneeId }, reassignment ? { reassignmentCount: kpis.reassignmentCount + 1 } : {});
  change.record(withoutUndefined({ type: 'assigned', at: change.at, by: change.by, groupId: group.groupId, assigneeId, previousGroupId, previousAssigneeId, reassignment }));
}

function hold(change: IncidentChange, command: Extract<IncidentCommand, { kind: 'hold' }>): void {
  if (!(HOLD_REASONS as readonly string[]).includes(command.reason)) throw RuleViolationError.of('holdReason', `holdReason must be one of ${HOLD_REASONS.join(', ')}`);
  const workNote = command.workNote?.trim();
  change.move('on_hold', 'state-changed', { holdReason: command.reason });
  change.update({ holdReason: command.reason });
  if (workNote) change.note('internal', workNote);
}

function changePriority(change: IncidentChange, command: Extract<IncidentCommand, { kind: 'change-priority' }>): void {
  const before = { impact: change.incident.impact, urgency: change.incident.urgency, priority: change.incident.priority };
  const impact = command.impact ?? before.impact;
  const urgency = command.urgency ?? before.urgency;
  const issues: ValidationIssue[] = [];
  if (!(IMPACT_LEVELS as readonly number[]).includes(impact)) issues.push({ field: 'impact', messages: [`impact must be one of ${IMPACT_LEVELS.join(', ')}`] });
  if (!(URGENCY_LEVELS as readonly number[]).includes(urgency)) issues.push({ field: 'urgency', messages: [`urgency must be one of ${URGENCY_LEVELS.join(', ')}`] });
  if (impact === before.impact && urgency === before.urgency) issues.push({ field: 'impact', messages: ['give an impact or urgency other than the current one'] });
  const workNote = command.workNote?.trim() ?? '';
  // Source: the shared domain rules, "changing impact or urgency of a saved incident requires a work note".
  if (workNote === '') issues.push({ field: 'workNote', messages: ['a change of impact or urgency needs a work note saying why'] });
  if (issues.length > 0) throw new RuleViolationError(issues);
  const after = { impact, urgency, priority: derivePriority(impact, urgency) };
  change.update(after);
  change.record({ type: 'priority-changed', at: change.at, by: change.by, before, after });
  change.note('internal', workNote);
}

function resolve(change: IncidentChange, command: Extract<IncidentCommand, { kind: 'resolve' }>, context: IncidentCommandContext): void {
  const issues: ValidationIssue[] = [];
  if (!(RESOLUTION_CODES as readonly string[]).includes(command.code)) issues.push({ field: 'resolutionCode', messages: [`resolutionCode must be one of ${RESOLUTION_CODES.join(', ')}`] });
  const notes = command.notes?.trim() ?? '';
  if (notes === '') issues.push({ field: 'resolutionNotes', messages: ['a resolution needs notes saying what was done'] });
  if (issues.length > 0) throw new RuleViolationError(issues);
  const { autoCloseAt, callerReopenUntil } = resolutionDeadlines(context.rules, change.at);
  const { kpis, state } = change.incident;
  const byDesk = !isSystem(context.actor) && context.actor.roles.includes('service_desk_agent');
  const firstContact = byDesk && kpis.reassignmentCount === 0 && kpis.reopenCount === 0 && state !== 'on_hold' && kpis.timeInStateMs.on_hold === undefined;
  change.move('resolved', 'resolved', { code: command.code, notes, autoCloseAt, firstContact });
  change.update(
    { resolution: { code: command.code, notes, resolvedAt: change.at, resolvedBy: change.by, autoCloseAt, callerReopenUntil } },
    { resolvedAtFirstContact: firstContact },
  );
}

/**
 * When a resolution made at `resolvedAt` closes by itself and until when the caller may reopen it:
 * the rules' business times added on their calendar (24x7 without one), e.g. 3 business days on a
 * Mon–Fri calendar from a Friday resolution ends on Wednesday.
 *
 * Errors: `RangeError` for a duration that is not a finite number (`autoCloseAfterMs` > 0, `callerReopenWithinMs` >= 0).
 */
export function resolutionDeadlines(rules: IncidentLifecycleRules, resolvedAt: Date): { autoCloseAt: Date; callerReopenUntil: Date } {
  if (!Number.isFinite(rules.autoCloseAfterMs) || rules.autoCloseAfterMs <= 0) throw new RangeError(`autoCloseAfterMs must be a finite number > 0, got ${rules.autoCloseAfterMs}`);
  return {
    autoCloseAt: addBusinessTime(rules.calendar, resolvedAt, rules.autoCloseAfterMs),
    callerReopenUntil: addBusinessTime(rules.calendar, resolvedAt, rules.callerReopenWithinMs),
  };
}

function autoClose(change: IncidentChange): void {
  const due = change.incident.resolution?.autoCloseAt;
  if (due !== undefined && change.at < due) {
    throw new StateConflictError(`incident ${change.incident.number} closes by itself at ${due.toISOString()}, not before`);
  }
  change.move('closed', 'closed', { automatic: true });
}

function reopen(change: IncidentChange, command: Extract<IncidentCommand, { kind: 'reopen' }>, actor: IncidentActor): void {
  const reason = requiredText(command.reason, 'reason');
  const until = change.incident.resolution?.callerReopenUntil;
  const asCaller = !isSystem(actor) && recordScope(actor, policyNamed('incidents.reopen')) === 'own';
  if (asCaller && until !== undefined && change.at > until) {
    throw new ForbiddenError(`the caller may reopen incident ${change.incident.number} until ${until.toISOString()}; ask the service desk`);
  }
  const reopenCount = change.incident.kpis.reopenCount + 1;
  change.move('in_progress', 'reopened', { reason, reopenCount });
  change.update({ resolution: undefined }, { reopenCount, resolvedAtFirstContact: undefined });
}

function cancel(change: IncidentChange, command: Extract<IncidentCommand, { kind: 'cancel' }>): void {
  if (!(CANCEL_REASONS as readonly string[]).includes(command.reason)) throw RuleViolationError.of('reason', `reason must be one of ${CANCEL_REASONS.join(', ')}`);
  const duplicateOf = command.duplicateOf?.trim() || undefined;
  if (command.reason === 'duplicate' && (duplicateOf === undefined || duplicateOf === change.incident.incidentId)) {
    throw RuleViolationError.of('duplicateOf', 'a duplicate names the other incident it duplicates');
  }
  if (command.reason !== 'duplicate' && duplicateOf !== undefined) throw RuleViolationError.of('duplicateOf', 'only a duplicate names another incident');
  const note = command.note?.trim() || undefined;
  change.move('cancelled', 'cancelled', withoutUndefined({ reason: command.reason, duplicateOf }));
  change.update({ cancellation: withoutUndefined({ reason: command.reason, duplicateOf, note, cancelledAt: change.at, cancelledBy: change.by }) });
  if (note !== undefined) change.note('internal', note);
}

function comment(change: IncidentChange, command: Extract<IncidentCommand, { kind: 'comment' }>, actor: IncidentActor): void {
  const text = requiredText(command.text, 'text');
  change.note('public', text);
  // The caller's reply is what an incident awaiting the caller waits for: it resumes, and so do its SLA clocks.
  const { state, holdReason, callerId } = change.incident;
  if (state === 'on_hold' && holdReason === 'awaiting_caller' && !isSystem(actor) && actor.userId === callerId) change.move('in_progress', 'state-changed');
}

const PARENT_LINK_REFUSALS: Readonly<Record<Exclude<ParentLinkProblem, 'child-not-open'>, string>> = {
  self: 'an incident cannot be its own parent',
  'child-has-children': 'this incident is a parent itself; a child may not have children (one level deep)',
  'parent-not-open': 'the parent must be new, in progress or on hold',
  'parent-has-parent': 'the parent is a child itself; link to its parent instead (one level deep)',
  'parent-full': `the parent has ${PARENT_MAX_CHILDREN} children, the most one takes; make it a major incident and inform further callers through its communication log`,
};

function linkParent(change: IncidentChange, command: Extract<IncidentCommand, { kind: 'link-parent' }>): void {
  const { incidentId, state, parentId: previousParentId } = change.incident;
  const problem = parentLinkProblem({ incidentId, state, parentId: previousParentId, childCount: command.childCount }, command.parent);
  // The table's source states already refuse a child that is not open (409).
  if (problem !== undefined && problem !== 'child-not-open') throw RuleViolationError.of('parentId', PARENT_LINK_REFUSALS[problem]);
  if (previousParentId === command.parent.incidentId) throw RuleViolationError.of('parentId', `the incident is already a child of ${command.parent.number}`);
  change.update({ parentId: command.parent.incidentId });
  change.record(withoutUndefined({ type: 'parent-linked', at: change.at, by: change.by, parentId: command.parent.incidentId, parentNumber: command.parent.number, previousParentId }));
}

function unlinkParent(change: IncidentChange): void {
  const { parentId, number } = change.incident;
  if (parentId === undefined) throw new StateConflictError(`incident ${number} has no parent`);
  change.update({ parentId: undefined });
  change.record({ type: 'parent-unlinked', at: change.at, by: change.by, parentId });
}

function recordChild(change: IncidentChange, command: Extract<IncidentCommand, { kind: 'child-linked' | 'child-unlinked' }>): void {
  // A parent that became a child meanwhile takes no children (one level deep): the link is taken back.
  if (command.kind === 'child-linked' && change.incident.parentId !== undefined) {
    throw new StateConflictError(`incident ${change.incident.number} became a child of another incident; a child may not have children`);
  }
  change.record({ type: command.kind, at: change.at, by: change.by, childId: command.childId, childNumber: command.childNumber });
}

function requiredText(text: string | undefined, field: string): string {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') throw RuleViolationError.of(field, `${field} must not be blank`);
  return trimmed;
}

/** `value` without its undefined fields (stored and answered shapes have absent optional fields, never undefined ones). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
