import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_REJECTED_V1 = defineMessage({
  type: 'itsm.transition.change.rejected.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: "The approvers' votes rejected the change; it returns to New with the round kept.",
});
