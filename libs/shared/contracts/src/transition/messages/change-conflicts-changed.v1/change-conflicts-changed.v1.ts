import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_CONFLICTS_CHANGED_V1 = defineMessage({
  type: 'itsm.transition.change.conflicts-changed.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: "The conflicts of a change's planned window changed because something else did (another change, a freeze, a maintenance window).",
});
