import { defineMessage } from '../../../messages/message-definition';
import { CatalogueServiceV1 } from '../service-definition-fields.v1';

export const SERVICE_WITHDRAWN_V1 = defineMessage({
  type: 'itsm.design.service.withdrawn.v1',
  kind: 'event',
  recordType: 'catalogue-service',
  payload: CatalogueServiceV1,
  summary: 'A catalogue service was withdrawn after its retirement in the portfolio; its items can no longer be requested.',
});
