import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_VOTED_V1 = defineMessage({
  type: 'itsm.transition.change.voted.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: 'An approver approved or rejected the change, with a comment.',
});
