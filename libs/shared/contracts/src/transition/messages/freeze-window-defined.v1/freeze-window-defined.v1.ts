import { defineMessage } from '../../../messages/message-definition';
import { FreezeWindowV1 } from '../change-calendar-fields.v1';

export const FREEZE_WINDOW_DEFINED_V1 = defineMessage({
  type: 'itsm.transition.freeze-window.defined.v1',
  kind: 'event',
  recordType: 'freeze-window',
  payload: FreezeWindowV1,
  summary: 'A freeze (blackout) window was defined; changes overlapping it conflict.',
});
