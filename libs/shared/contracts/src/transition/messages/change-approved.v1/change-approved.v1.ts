import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_APPROVED_V1 = defineMessage({
  type: 'itsm.transition.change.approved.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: "The approvers' votes approved the change under the board's decision rule.",
});
