import { IsIn } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { RequestFactFieldsV1 } from '../request-fact-fields.v1';
import { REQUEST_STATES, RequestStateV1 } from '../request-vocabulary';

/** Event: a request moved from one state to another (approved into fulfilment, rejected, closed when its tasks were done). */
export class RequestStateChangedV1 extends RequestFactFieldsV1 {
  @IsIn(REQUEST_STATES)
  from!: RequestStateV1;

  @IsIn(REQUEST_STATES)
  to!: RequestStateV1;
}

export const REQUEST_STATE_CHANGED_V1 = defineMessage({
  type: 'itsm.operation.request.state-changed.v1',
  kind: 'event',
  recordType: 'request',
  payload: RequestStateChangedV1,
  summary: 'A request moved from one state to another: into fulfilment once approved, rejected, or closed when its tasks were done.',
});
