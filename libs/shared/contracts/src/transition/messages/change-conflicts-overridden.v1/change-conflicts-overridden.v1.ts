import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_CONFLICTS_OVERRIDDEN_V1 = defineMessage({
  type: 'itsm.transition.change.conflicts-overridden.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: 'A change manager scheduled over conflicts with a justification; carries the override.',
});
