import { defineMessage } from '../../../messages/message-definition';
import { CatalogueServiceV1 } from '../service-definition-fields.v1';

export const SERVICE_REVISED_V1 = defineMessage({
  type: 'itsm.design.service.revised.v1',
  kind: 'event',
  recordType: 'catalogue-service',
  payload: CatalogueServiceV1,
  summary: 'A catalogue service definition was revised; carries the whole new version.',
});
