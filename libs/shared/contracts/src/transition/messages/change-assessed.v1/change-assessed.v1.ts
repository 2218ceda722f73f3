import { defineMessage } from '../../../messages/message-definition';
import { ChangeV1 } from '../change-fields.v1';

export const CHANGE_ASSESSED_V1 = defineMessage({
  type: 'itsm.transition.change.assessed.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeV1,
  summary: "A normal change's risk was assessed (questionnaire and affected items' criticality); it moves to Authorize.",
});
