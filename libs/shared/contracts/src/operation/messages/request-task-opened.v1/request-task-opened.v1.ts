import { Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { RequestFactFieldsV1 } from '../request-fact-fields.v1';
import { REQUEST_LIMITS, TASK_ID_PATTERN } from '../request-vocabulary';

/** Event: a fulfilment task was opened on a request for its fulfilment group. */
export class RequestTaskOpenedV1 extends RequestFactFieldsV1 {
  @Matches(TASK_ID_PATTERN)
  taskId!: string;

  @NonEmptyText(REQUEST_LIMITS.titleMaxLength)
  title!: string;

  /** The assignment group that works it. */
  @Matches(UUID_PATTERN)
  groupId!: string;
}

export const REQUEST_TASK_OPENED_V1 = defineMessage({
  type: 'itsm.operation.request.task-opened.v1',
  kind: 'event',
  recordType: 'request',
  payload: RequestTaskOpenedV1,
  summary: "A fulfilment task was opened on a request for the item's fulfilment group (when the request was approved, or added by a worker).",
});
