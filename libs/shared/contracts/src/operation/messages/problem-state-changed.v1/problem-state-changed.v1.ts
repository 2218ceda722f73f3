import { IsOptional } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { ProblemStateMoveFieldsV1 } from '../problem-fields.v1';
import { PROBLEM_LIMITS } from '../problem-vocabulary';

/** Event: the problem moved: investigation started, closed, or cancelled (with the reason). */
export class ProblemStateChangedV1 extends ProblemStateMoveFieldsV1 {
  /** Why it was cancelled. */
  @IsOptional()
  @NonEmptyText(PROBLEM_LIMITS.textMaxLength)
  reason?: string;
}

export const PROBLEM_STATE_CHANGED_V1 = defineMessage({
  type: 'itsm.operation.problem.state-changed.v1',
  kind: 'event',
  recordType: 'problem',
  payload: ProblemStateChangedV1,
  summary: 'The problem moved to another state: under investigation, closed, or cancelled (with the reason).',
});
