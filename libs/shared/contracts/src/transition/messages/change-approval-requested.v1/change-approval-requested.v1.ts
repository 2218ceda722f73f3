import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_APPROVAL_REQUESTED_V1 = defineMessage({
  type: 'itsm.transition.change.approval-requested.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: "Authorisation was requested from the change group's manager, the CAB or the emergency CAB; carries the approvers and decision rule.",
});
