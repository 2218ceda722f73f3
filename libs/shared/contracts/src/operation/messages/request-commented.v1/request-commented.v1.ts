import { IsInt, Min } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { RequestFactFieldsV1 } from '../request-fact-fields.v1';
import { REQUEST_LIMITS } from '../request-vocabulary';

/** Event: a comment was added to a request (the requester and the workers see it alike). */
export class RequestCommentedV1 extends RequestFactFieldsV1 {
  @IsInt()
  @Min(1)
  seq!: number;

  @NonEmptyText(REQUEST_LIMITS.commentMaxLength)
  text!: string;
}

export const REQUEST_COMMENTED_V1 = defineMessage({
  type: 'itsm.operation.request.commented.v1',
  kind: 'event',
  recordType: 'request',
  payload: RequestCommentedV1,
  summary: 'A comment was added to a request by its requester or by whoever approves or works it.',
});
