import { defineMessage } from '../../../messages/message-definition';
import { PortfolioServiceV1 } from '../portfolio-service-fields.v1';

/** Design answers it with a draft in the service catalogue under the same service id. */
export const SERVICE_CHARTERED_V1 = defineMessage({
  type: 'itsm.strategy.service.chartered.v1',
  kind: 'event',
  recordType: 'portfolio-service',
  payload: PortfolioServiceV1,
  summary: 'A pipeline service was approved into the catalogue stage; carries who approved it and why.',
});
