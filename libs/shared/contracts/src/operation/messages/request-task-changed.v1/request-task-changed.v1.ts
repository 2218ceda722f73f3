import { IsIn, IsOptional, Matches } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { RequestFactFieldsV1 } from '../request-fact-fields.v1';
import { REQUEST_LIMITS, TASK_ACTIONS, TASK_ID_PATTERN, TASK_STATES, TaskActionV1, TaskStateV1 } from '../request-vocabulary';

/** Event: a fulfilment task was assigned, started, held, resumed, completed or cancelled. */
export class RequestTaskChangedV1 extends RequestFactFieldsV1 {
  @Matches(TASK_ID_PATTERN)
  taskId!: string;

  @IsIn(TASK_ACTIONS)
  action!: TaskActionV1;

  @IsIn(TASK_STATES)
  from!: TaskStateV1;

  @IsIn(TASK_STATES)
  to!: TaskStateV1;

  /** Who works it after the change. */
  @IsOptional()
  @NonEmptyText(REQUEST_LIMITS.referenceMaxLength)
  assigneeId?: string;
}

export const REQUEST_TASK_CHANGED_V1 = defineMessage({
  type: 'itsm.operation.request.task-changed.v1',
  kind: 'event',
  recordType: 'request',
  payload: RequestTaskChangedV1,
  summary: 'A fulfilment task of a request was assigned, started, held, resumed, completed or cancelled; the last task done closes the request (its state-changed event follows).',
});
