import { defineMessage } from '../../../messages/message-definition';
import { PortfolioServiceV1 } from '../portfolio-service-fields.v1';

export const SERVICE_PROPOSED_V1 = defineMessage({
  type: 'itsm.strategy.service.proposed.v1',
  kind: 'event',
  recordType: 'portfolio-service',
  payload: PortfolioServiceV1,
  summary: 'A service entered the portfolio pipeline; carries the proposal and who made it.',
});
