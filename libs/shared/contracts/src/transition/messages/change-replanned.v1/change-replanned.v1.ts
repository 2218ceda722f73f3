import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_REPLANNED_V1 = defineMessage({
  type: 'itsm.transition.change.replanned.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: "The change's planned window, items or plans changed; its conflicts were checked again.",
});
