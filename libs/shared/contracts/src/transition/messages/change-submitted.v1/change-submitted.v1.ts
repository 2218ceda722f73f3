import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_SUBMITTED_V1 = defineMessage({
  type: 'itsm.transition.change.submitted.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: 'A change was submitted: a normal change to Assess, an emergency change to Authorize.',
});
