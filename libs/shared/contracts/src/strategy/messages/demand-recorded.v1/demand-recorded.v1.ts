import { defineMessage } from '../../../messages/message-definition';
import { DemandV1 } from '../demand-fields.v1';

export const DEMAND_RECORDED_V1 = defineMessage({
  type: 'itsm.strategy.demand.recorded.v1',
  kind: 'event',
  recordType: 'demand',
  payload: DemandV1,
  summary: 'A business unit recorded a demand (requested capability, expected volume) linked to the portfolio services that serve it.',
});
