import { IsIn, IsInt, Min } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { RequestFactFieldsV1 } from '../request-fact-fields.v1';
import { APPROVAL_DECISIONS, ApprovalDecisionV1, REQUEST_LIMITS } from '../request-vocabulary';

/** Event: an approver approved or rejected a step of a request, with a comment (`by` is the approver). */
export class RequestApprovalDecidedV1 extends RequestFactFieldsV1 {
  @IsInt()
  @Min(1)
  seq!: number;

  @IsIn(APPROVAL_DECISIONS)
  decision!: ApprovalDecisionV1;

  @NonEmptyText(REQUEST_LIMITS.commentMaxLength)
  comment!: string;
}

export const REQUEST_APPROVAL_DECIDED_V1 = defineMessage({
  type: 'itsm.operation.request.approval-decided.v1',
  kind: 'event',
  recordType: 'request',
  payload: RequestApprovalDecidedV1,
  summary: 'An approver approved or rejected a step of a request, with a comment; a rejection ends the request (its state-changed event follows).',
});
