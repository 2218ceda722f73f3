import { defineMessage } from '../../../messages/message-definition';
import { PortfolioServiceV1 } from '../portfolio-service-fields.v1';

/** Design withdraws the service from the catalogue; `step.from` tells whether it ever got there. */
export const SERVICE_RETIRED_V1 = defineMessage({
  type: 'itsm.strategy.service.retired.v1',
  kind: 'event',
  recordType: 'portfolio-service',
  payload: PortfolioServiceV1,
  summary: 'A service was retired from the portfolio (or a pipeline proposal abandoned); carries who approved it and why.',
});
