import { ApproverKind } from '@itsm/contracts/design';
import { RequestAnswer } from './request-form';

/**
 * A request's states: `awaiting_approval` while an approval step waits, `in_fulfilment` once every step
 * approved (or none was needed) until its tasks end, then `closed`; `rejected` ends it at a rejection.
 */
export const REQUEST_STATES = ['awaiting_approval', 'in_fulfilment', 'closed', 'rejected'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** An approval step's states: `waiting` for the steps before it, `pending` on its approvers, then decided (`approved`, `rejected`), or `skipped` after a rejection before it. */
export const APPROVAL_STATES = ['waiting', 'pending', 'approved', 'rejected', 'skipped'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** A fulfilment task's states, as an incident's: `open` → `in_progress` ⇄ `on_hold` → `done`; `cancelled` from any open state. */
export const TASK_STATES = ['open', 'in_progress', 'on_hold', 'done', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** What decided a step: approve or reject. */
export type ApprovalDecision = 'approved' | 'rejected';

/**
 * One approval step of a request, in the item's order, with who may decide it resolved when the request
 * was submitted (`approverIds`: the requester's manager, the service's owner, the named user, or every
 * member of the group, of whom one decides).
 */
export interface ApprovalStep {
  readonly seq: number;
  readonly approver: ApproverKind;
  /** The named user id (`user`) or group name (`group`) of the item's step. */
  readonly ref?: string;
  /** The group's id, for a `group` step. */
  readonly groupId?: string;
  readonly approverIds: readonly string[];
  readonly state: ApprovalState;
  readonly decidedBy?: string;
  readonly decidedAt?: Date;
  readonly comment?: string;
}

/** One fulfilment task, in the item's fulfilment group. */
export interface FulfilmentTask {
  readonly taskId: string;
  readonly title: string;
  readonly groupId: string;
  readonly assigneeId?: string;
  readonly state: TaskState;
  readonly openedAt: Date;
  /** Why it is on hold, while it is. */
  readonly holdReason?: string;
  /** When it ended (done or cancelled), and the worker's note then. */
  readonly endedAt?: Date;
  readonly note?: string;
}

/** A comment on a request, seen by the requester and the workers alike. */
export interface RequestComment {
  readonly seq: number;
  readonly by: string;
  readonly at: Date;
  readonly text: string;
}

/** The version of the catalogue item a request was raised on (later revisions do not reach it). */
export interface RequestedItem {
  readonly itemId: string;
  readonly version: number;
  readonly name: string;
  readonly serviceId: string;
}

/** The group that fulfils the request: the item's fulfilment group, resolved by name when it was submitted. */
export interface FulfilmentGroup {
  readonly groupId: string;
  readonly name: string;
  readonly memberIds: readonly string[];
}

/** A service request: what was requested, by whom, its answers, approvals, tasks and comments. */
export interface ServiceRequest {
  readonly requestId: string;
  readonly number: string;
  readonly requesterId: string;
  readonly item: RequestedItem;
  readonly answers: readonly RequestAnswer[];
  readonly state: RequestState;
  readonly approvals: readonly ApprovalStep[];
  readonly fulfilmentGroup: FulfilmentGroup;
  readonly tasks: readonly FulfilmentTask[];
  readonly comments: readonly RequestComment[];
  readonly submittedAt: Date;
  /** When it was closed or rejected. */
  readonly endedAt?: Date;
}

/**
 * What a change of a request did, in order: the request's events (`itsm.operation.request.<type>.v1`)
 * and what drives its delivery clock (`state-changed`).
 */
export type RequestFact =
  | { readonly type: 'submitted'; readonly at: Date }
  | { readonly type: 'approval-decided'; readonly seq: number; readonly decision: ApprovalDecision; readonly comment: string; readonly by: string; readonly at: Date }
  | { readonly type: 'state-changed'; readonly from: RequestState; readonly to: RequestState; readonly at: Date }
  | { readonly type: 'task-opened'; readonly task: FulfilmentTask; readonly at: Date }
  | { readonly type: 'task-changed'; readonly taskId: string; readonly command: TaskCommand['kind']; readonly from: TaskState; readonly to: TaskState; readonly assigneeId?: string; readonly by: string; readonly at: Date }
  | { readonly type: 'commented'; readonly seq: number; readonly by: string; readonly at: Date };

/** A change of a request and what it did. */
export interface RequestDecision {
  readonly request: ServiceRequest;
  readonly facts: readonly RequestFact[];
}

/** Commands on a fulfilment task (`add` opens another task in the fulfilment group). */
export type TaskCommand =
  | { readonly kind: 'assign'; readonly assigneeId: string }
  | { readonly kind: 'start' }
  | { readonly kind: 'hold'; readonly reason: string }
  | { readonly kind: 'resume' }
  | { readonly kind: 'complete'; readonly note?: string }
  | { readonly kind: 'cancel'; readonly note: string };

/** Human-facing request number, e.g. 7 -> REQ0000007. Grows past seven digits rather than wrapping. */
export function formatRequestNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`request sequence must be a positive integer, got ${sequence}`);
  return `REQ${String(sequence).padStart(7, '0')}`;
}
