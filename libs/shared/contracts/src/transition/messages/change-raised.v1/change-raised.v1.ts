import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_RAISED_V1 = defineMessage({
  type: 'itsm.transition.change.raised.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: 'A change request was raised, in New (a standard change from its template); carries the whole change.',
});
