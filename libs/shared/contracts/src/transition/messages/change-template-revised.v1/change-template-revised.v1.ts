import { defineMessage } from '../../../messages/message-definition';
import { ChangeTemplateV1 } from '../change-calendar-fields.v1';

export const CHANGE_TEMPLATE_REVISED_V1 = defineMessage({
  type: 'itsm.transition.change-template.revised.v1',
  kind: 'event',
  recordType: 'change-template',
  payload: ChangeTemplateV1,
  summary: 'A standard-change template was revised (or retired: active false); carries the whole version.',
});
