import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_IMPLEMENTATION_COMPLETED_V1 = defineMessage({
  type: 'itsm.transition.change.implementation-completed.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: 'Implementation of the change completed; it moves to Review.',
});
