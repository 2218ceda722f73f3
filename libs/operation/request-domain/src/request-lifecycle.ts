import { ForbiddenError, Principal, RuleViolationError, StateConflictError, UnprocessableError } from '@itsm/contracts';
import { ApprovalStepV1 } from '@itsm/contracts/design';
import { RequestAnswer, RequestFormField, answerIssues, answeredInFormOrder } from './request-form';
import { ApprovalDecision, ApprovalStep, FulfilmentGroup, FulfilmentTask, RequestDecision, RequestFact, RequestedItem, ServiceRequest, TaskCommand, TaskState } from './service-request';

/** The version of a catalogue item a request is raised on, as operation keeps it from design's events. */
export interface RequestableItem extends RequestedItem {
  readonly active: boolean;
  readonly form: readonly RequestFormField[];
  readonly approvals: readonly ApprovalStepV1[];
  readonly fulfilmentGroup: string;
  readonly deliveryTargetMinutes: number;
}

/**
 * Who approves, looked up by the use case before it decides: the requester's line manager (operation's
 * reporting lines, managed through the API), the owner of the item's service (design's, from its events),
 * and assignment groups by name (the fulfilment group, group approval steps).
 */
export interface ApprovalDirectory {
  readonly managerId?: string;
  readonly serviceOwnerId?: string;
  group(name: string): FulfilmentGroup | undefined;
}

export interface SubmitRequest {
  readonly requestId: string;
  readonly number: string;
  readonly requester: Principal;
  readonly item: RequestableItem;
  readonly answers: readonly RequestAnswer[];
  readonly directory: ApprovalDirectory;
  readonly now: Date;
}

/**
 * A new request for `item`: the answers checked against the item's form (400 naming each answer, see
 * `answerIssues`), the item's approval steps resolved to their approvers in the item's order, the first
 * pending; with no steps it goes straight to fulfilment with one task for the fulfilment group.
 *
 * Errors: `RuleViolationError` (400) for the answers, or an inactive item (`itemId`);
 * `UnprocessableError` (422) when an approver or the fulfilment group cannot be found (the requester has
 * no manager on record, the service no owner, a group no longer exists or has no members): the item cannot
 * be requested until someone fixes the directory, and a request nobody can approve would wait forever.
 */
export function submitRequest({ requestId, number, requester, item, answers, directory, now }: SubmitRequest): RequestDecision {
  const issues = answerIssues(item.form, answers);
  if (!item.active) issues.unshift({ field: 'itemId', messages: [`${item.name} cannot be requested (inactive)`] });
  if (issues.length > 0) throw new RuleViolationError(issues);
  const fulfilmentGroup = directory.group(item.fulfilmentGroup);
  if (fulfilmentGroup === undefined) throw new UnprocessableError(`${item.name} is fulfilled by group ${item.fulfilmentGroup}, which operation does not know (an assignment group of that name must exist and be active)`);
  const approvals = item.approvals.map((step, index) => resolveStep(step, index + 1, requester.userId, directory));
  const submitted: ServiceRequest = {
    requestId,
    number,
    requesterId: requester.userId,
    item: { itemId: item.itemId, version: item.version, name: item.name, serviceId: item.serviceId },
    answers: answeredInFormOrder(item.form, answers),
    state: 'awaiting_approval',
    approvals,
    fulfilmentGroup,
    tasks: [],
    comments: [],
    submittedAt: now,
  };
  const facts: RequestFact[] = [{ type: 'submitted', at: now }];
  if (approvals.length === 0) return startFulfilment(submitted, facts, now);
  return { request: { ...submitted, approvals: approvals.map((step, index) => (index === 0 ? { ...step, state: 'pending' } : step)) }, facts };
}

function resolveStep(step: ApprovalStepV1, seq: number, requesterId: string, directory: ApprovalDirectory): ApprovalStep {
  const waiting = { seq, approver: step.approver, state: 'waiting' as const, ...(step.ref === undefined ? {} : { ref: step.ref }) };
  switch (step.approver) {
    case 'manager':
      if (directory.managerId === undefined) throw new UnprocessableError(`approval step ${seq} needs the manager of ${requesterId}, and no reporting line names one`);
      return { ...waiting, approverIds: [directory.managerId] };
    case 'service_owner':
      if (directory.serviceOwnerId === undefined) throw new UnprocessableError(`approval step ${seq} needs the owner of the item's service, and the service has none`);
      return { ...waiting, approverIds: [directory.serviceOwnerId] };
    case 'user':
      if (step.ref === undefined) throw new UnprocessableError(`approval step ${seq} names no user`);
      return { ...waiting, approverIds: [step.ref] };
    case 'group': {
      const group = step.ref === undefined ? undefined : directory.group(step.ref);
      if (group === undefined || group.memberIds.length === 0) throw new UnprocessableError(`approval step ${seq} goes to group ${step.ref ?? '(none)'}, which operation does not know or which has no members`);
      return { ...waiting, groupId: group.groupId, approverIds: group.memberIds };
    }
  }
}

/** The user ids the request waits for now: the approvers of its pending step (`[]` when none is pending). */
export function waitingFor(request: Pick<ServiceRequest, 'approvals'>): string[] {
  return [...(request.approvals.find((step) => step.state === 'pending')?.approverIds ?? [])];
}

export interface ApprovalInput {
  readonly actor: Principal;
  readonly decision: ApprovalDecision;
  readonly comment: string;
  readonly now: Date;
}

/**
 * The pending step decided by one of its approvers (a group step by any one member): an approval moves
 * to the next step, or, after the last, to fulfilment (one task for the fulfilment group); a rejection
 * ends the request (`rejected`, the later steps `skipped`). The decision, its comment, who and when stay
 * on the step.
 *
 * Errors: `StateConflictError` (409) when nothing waits for approval; `ForbiddenError` (403) when the
 * caller is not an approver of the pending step; `RuleViolationError` (400, `comment`) for a blank comment.
 */
export function decideApproval(request: ServiceRequest, { actor, decision, comment, now }: ApprovalInput): RequestDecision {
  const pending = request.approvals.find((step) => step.state === 'pending');
  if (request.state !== 'awaiting_approval' || pending === undefined) throw new StateConflictError(`request ${request.number} is ${request.state}: nothing waits for approval`);
  if (!pending.approverIds.includes(actor.userId)) throw new ForbiddenError(`${actor.userId} is not an approver of step ${pending.seq} of request ${request.number}`);
  if (comment.trim() === '') throw RuleViolationError.of('comment', 'a decision needs a comment');
  const decided: ApprovalStep = { ...pending, state: decision, decidedBy: actor.userId, decidedAt: now, comment };
  const facts: RequestFact[] = [{ type: 'approval-decided', seq: pending.seq, decision, comment, by: actor.userId, at: now }];
  const next = request.approvals.find((step) => step.seq > pending.seq);
  const approvals = request.approvals.map((step): ApprovalStep => {
    if (step.seq === pending.seq) return decided;
    if (step.seq > pending.seq) return decision === 'rejected' ? { ...step, state: 'skipped' } : step.seq === next?.seq ? { ...step, state: 'pending' } : step;
    return step;
  });
  const withDecision = { ...request, approvals };
  if (decision === 'rejected') return moveTo(withDecision, 'rejected', facts, now);
  if (next !== undefined) return { request: withDecision, facts };
  return startFulfilment(withDecision, facts, now);
}

function startFulfilment(request: ServiceRequest, facts: RequestFact[], now: Date): RequestDecision {
  const moved = moveTo(request, 'in_fulfilment', facts, now);
  return openTask(moved.request, request.item.name, now, [...moved.facts]);
}

function moveTo(request: ServiceRequest, to: ServiceRequest['state'], facts: readonly RequestFact[], now: Date): RequestDecision {
  const ended = to === 'closed' || to === 'rejected';
  return {
    request: { ...request, state: to, ...(ended ? { endedAt: now } : {}) },
    facts: [...facts, { type: 'state-changed', from: request.state, to, at: now }],
  };
}

function openTask(request: ServiceRequest, title: string, now: Date, facts: RequestFact[]): RequestDecision {
  const task: FulfilmentTask = { taskId: `T${request.tasks.length + 1}`, title, groupId: request.fulfilmentGroup.groupId, state: 'open', openedAt: now };
  return { request: { ...request, tasks: [...request.tasks, task] }, facts: [...facts, { type: 'task-opened', task, at: now }] };
}

/** Most fulfilment tasks one request holds. */
export const REQUEST_MAX_TASKS = 50;

/** Who works a request's tasks: everyone the policy lets in (`all`), or only members of the task's group (`groups`, a resolver). */
export type FulfilmentScope = 'all' | 'groups';

export interface TaskInput {
  readonly actor: Principal;
  /** `groupScope` of `@itsm/access` for the caller and `requests.fulfil`. */
  readonly scope: FulfilmentScope;
  readonly now: Date;
}

/** Each task command: the states it leaves, and the state it enters (`assign` keeps the state). */
export const TASK_COMMANDS: Readonly<Record<TaskCommand['kind'], { readonly from: readonly TaskState[]; readonly to?: TaskState }>> = {
  assign: { from: ['open', 'in_progress', 'on_hold'] },
  start: { from: ['open'], to: 'in_progress' },
  hold: { from: ['in_progress'], to: 'on_hold' },
  resume: { from: ['on_hold'], to: 'in_progress' },
  complete: { from: ['open', 'in_progress'], to: 'done' },
  cancel: { from: ['open', 'in_progress', 'on_hold'], to: 'cancelled' },
};

/**
 * A command on one fulfilment task, with states and assignment as for incidents: `assign` to a member of
 * the task's group, `start`, `hold` with a reason, `resume`, `complete` (an optional note) and `cancel`
 * (a note). Starting an unassigned task assigns it to whoever starts it. When the last open task ends and
 * at least one is done, the request closes; a request whose every task was cancelled stays in fulfilment
 * (someone must add the task that delivers it, or the desk settles it with the requester).
 *
 * Errors: `NotFoundError`-like `RuleViolationError` (400, `taskId`) for an unknown task;
 * `ForbiddenError` (403) when the caller works only their groups' tasks and this one is another group's;
 * `StateConflictError` (409) from a state the command does not leave, or a request not in fulfilment;
 * `RuleViolationError` (400) for an assignee who is not a member of the group, or a blank reason or note.
 */
export function applyTaskCommand(request: ServiceRequest, taskId: string, command: TaskCommand, { actor, scope, now }: TaskInput): RequestDecision {
  const task = request.tasks.find((candidate) => candidate.taskId === taskId);
  if (task === undefined) throw RuleViolationError.of('taskId', `request ${request.number} has no task ${taskId}`);
  assertMayWork(request, task.groupId, actor, scope);
  if (request.state !== 'in_fulfilment') throw new StateConflictError(`request ${request.number} is ${request.state}, not in fulfilment`);
  const rule = TASK_COMMANDS[command.kind];
  if (!rule.from.includes(task.state)) throw new StateConflictError(`task ${taskId} of request ${request.number} is ${task.state}: it cannot ${command.kind} (from ${rule.from.join(', ')})`);
  const changed = changedTask(request, task, command, actor, now);
  const fact: RequestFact = { type: 'task-changed', taskId, command: command.kind, from: task.state, to: changed.state, by: actor.userId, at: now, ...(changed.assigneeId === undefined ? {} : { assigneeId: changed.assigneeId }) };
  const tasks = request.tasks.map((candidate) => (candidate.taskId === taskId ? changed : candidate));
  const updated = { ...request, tasks };
  const allEnded = tasks.every((candidate) => candidate.state === 'done' || candidate.state === 'cancelled');
  if (allEnded && tasks.some((candidate) => candidate.state === 'done')) return moveTo(updated, 'closed', [fact], now);
  return { request: updated, facts: [fact] };
}

function changedTask(request: ServiceRequest, task: FulfilmentTask, command: TaskCommand, actor: Principal, now: Date): FulfilmentTask {
  const { holdReason: _holdReason, ...withoutHold } = task;
  switch (command.kind) {
    case 'assign':
      if (!request.fulfilmentGroup.memberIds.includes(command.assigneeId)) throw RuleViolationError.of('assigneeId', `${command.assigneeId} is not a member of ${request.fulfilmentGroup.name}`);
      return { ...task, assigneeId: command.assigneeId };
    case 'start':
      return { ...task, state: 'in_progress', assigneeId: task.assigneeId ?? actor.userId };
    case 'hold':
      if (command.reason.trim() === '') throw RuleViolationError.of('reason', 'a hold needs a reason');
      return { ...task, state: 'on_hold', holdReason: command.reason };
    case 'resume':
      return { ...withoutHold, state: 'in_progress' };
    case 'complete':
      return { ...withoutHold, state: 'done', endedAt: now, ...(command.note === undefined ? {} : { note: command.note }) };
    case 'cancel':
      if (command.note.trim() === '') throw RuleViolationError.of('note', 'a cancellation needs a note');
      return { ...withoutHold, state: 'cancelled', endedAt: now, note: command.note };
  }
}

/**
 * Another task for the fulfilment group on a request in fulfilment (a second step of the delivery).
 * Errors: as `applyTaskCommand` (403, 409); `UnprocessableError` (422) past REQUEST_MAX_TASKS.
 */
export function addTask(request: ServiceRequest, title: string, { actor, scope, now }: TaskInput): RequestDecision {
  assertMayWork(request, request.fulfilmentGroup.groupId, actor, scope);
  if (request.state !== 'in_fulfilment') throw new StateConflictError(`request ${request.number} is ${request.state}, not in fulfilment`);
  if (title.trim() === '') throw RuleViolationError.of('title', 'a task needs a title');
  if (request.tasks.length >= REQUEST_MAX_TASKS) throw new UnprocessableError(`request ${request.number} has ${REQUEST_MAX_TASKS} tasks, the most one holds`);
  return openTask(request, title, now, []);
}

function assertMayWork(request: ServiceRequest, groupId: string, actor: Principal, scope: FulfilmentScope): void {
  if (scope === 'groups' && !actor.groups.includes(groupId)) throw new ForbiddenError(`${actor.userId} works only the tasks of their groups; this task of request ${request.number} belongs to ${request.fulfilmentGroup.name}`);
}

/** Most comments one request holds. */
export const REQUEST_MAX_COMMENTS = 200;

/**
 * A comment by the requester or by whoever works or approves the request (the use case has checked
 * the caller reads it). Allowed in every state, so a rejected or closed request can still be talked
 * about. Errors: `RuleViolationError` (400, `text`) for a blank text; `UnprocessableError` (422) past
 * REQUEST_MAX_COMMENTS.
 */
export function commentOnRequest(request: ServiceRequest, text: string, actor: Principal, now: Date): RequestDecision {
  if (text.trim() === '') throw RuleViolationError.of('text', 'a comment needs text');
  if (request.comments.length >= REQUEST_MAX_COMMENTS) throw new UnprocessableError(`request ${request.number} has ${REQUEST_MAX_COMMENTS} comments, the most one holds`);
  const seq = request.comments.length + 1;
  return { request: { ...request, comments: [...request.comments, { seq, by: actor.userId, at: now, text }] }, facts: [{ type: 'commented', seq, by: actor.userId, at: now }] };
}

/**
 * Whether the caller may read `request`: its requester, an approver of any of its steps, or a caller the
 * `requests.read` policy lets read every request (`recordScope` of `@itsm/access`: `all`). Others get a
 * 404 from the use case, so ids are not disclosed.
 */
export function mayReadRequest(request: Pick<ServiceRequest, 'requesterId' | 'approvals'>, actor: Principal, scope: 'all' | 'own'): boolean {
  return scope === 'all' || request.requesterId === actor.userId || request.approvals.some((step) => step.approverIds.includes(actor.userId));
}
