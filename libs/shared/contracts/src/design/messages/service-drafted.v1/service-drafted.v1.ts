import { defineMessage } from '../../../messages/message-definition';
import { CatalogueServiceV1 } from '../service-definition-fields.v1';

export const SERVICE_DRAFTED_V1 = defineMessage({
  type: 'itsm.design.service.drafted.v1',
  kind: 'event',
  recordType: 'catalogue-service',
  payload: CatalogueServiceV1,
  summary: 'A chartered service appeared in the catalogue as a draft (same id as in the portfolio); carries its definition.',
});
