import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_CANCELLED_V1 = defineMessage({
  type: 'itsm.transition.change.cancelled.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: 'The change was cancelled (allowed up to Implement), with a reason.',
});
