import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_REVIEWED_V1 = defineMessage({
  type: 'itsm.transition.change.reviewed.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: 'The post-implementation review of the change was recorded.',
});
