import { defineMessage } from '../../../messages/message-definition';
import { ChangeBoardV1 } from '../change-calendar-fields.v1';

export const CHANGE_BOARD_CONFIGURED_V1 = defineMessage({
  type: 'itsm.transition.change-board.configured.v1',
  kind: 'event',
  recordType: 'change-board',
  payload: ChangeBoardV1,
  summary: 'The CAB or the emergency CAB was configured: its members and decision rule.',
});
