import { defineMessage } from '../../../messages/message-definition';
import { ChangeTemplateV1 } from '../change-calendar-fields.v1';

export const CHANGE_TEMPLATE_DEFINED_V1 = defineMessage({
  type: 'itsm.transition.change-template.defined.v1',
  kind: 'event',
  recordType: 'change-template',
  payload: ChangeTemplateV1,
  summary: 'A standard-change template was defined (version 1); carries its plans and items.',
});
