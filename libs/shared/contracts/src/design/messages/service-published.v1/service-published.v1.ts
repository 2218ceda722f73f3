import { defineMessage } from '../../../messages/message-definition';
import { CatalogueServiceV1 } from '../service-definition-fields.v1';

export const SERVICE_PUBLISHED_V1 = defineMessage({
  type: 'itsm.design.service.published.v1',
  kind: 'event',
  recordType: 'catalogue-service',
  payload: CatalogueServiceV1,
  summary: 'A catalogue service was published: users can now see it and request its items. Carries the whole version.',
});
