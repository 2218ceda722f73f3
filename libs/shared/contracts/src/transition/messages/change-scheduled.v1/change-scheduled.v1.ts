import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_SCHEDULED_V1 = defineMessage({
  type: 'itsm.transition.change.scheduled.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: 'The change was scheduled for its planned window (with the conflicts found, and their override if any).',
});
