import { IsIn, IsOptional } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { APPROVAL_DECISIONS, ApprovalDecisionV1, REQUEST_LIMITS, TASK_ACTIONS, TaskActionV1 } from '../messages/request-vocabulary';

/**
 * Bodies of the request fulfilment routes. None carries a version: each is decided again on the request as
 * it is when written (an approval of a step someone else decided meanwhile is refused, 409), and the
 * operation service retries a write that lost to another writer.
 */

/** POST /api/v1/requests/:id/approval: the pending step approved or rejected by one of its approvers, with a comment. */
export class DecideApprovalRequest {
  @IsIn(APPROVAL_DECISIONS)
  decision!: ApprovalDecisionV1;

  @NonEmptyText(REQUEST_LIMITS.commentMaxLength)
  comment!: string;
}

/** POST /api/v1/requests/:id/tasks: another fulfilment task for the request's fulfilment group. */
export class AddRequestTaskRequest {
  @NonEmptyText(REQUEST_LIMITS.titleMaxLength)
  title!: string;
}

/**
 * POST /api/v1/requests/:id/tasks/:taskId/actions: `assign` (with `assigneeId`, a member of the group),
 * `start`, `hold` (with `reason`), `resume`, `complete` (optional `note`) or `cancel` (with `note`).
 */
export class RequestTaskActionRequest {
  @IsIn(TASK_ACTIONS)
  action!: TaskActionV1;

  @IsOptional()
  @NonEmptyText(REQUEST_LIMITS.referenceMaxLength)
  assigneeId?: string;

  @IsOptional()
  @NonEmptyText(REQUEST_LIMITS.reasonMaxLength)
  reason?: string;

  @IsOptional()
  @NonEmptyText(REQUEST_LIMITS.commentMaxLength)
  note?: string;
}

/** POST /api/v1/requests/:id/comments. */
export class CommentRequestRequest {
  @NonEmptyText(REQUEST_LIMITS.commentMaxLength)
  text!: string;
}
