import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_CLOSED_V1 = defineMessage({
  type: 'itsm.transition.change.closed.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: 'The change was closed with a closure code (successful, successful with issues, failed, backed out).',
});
