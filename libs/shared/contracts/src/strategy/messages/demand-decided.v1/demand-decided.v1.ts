import { defineMessage } from '../../../messages/message-definition';
import { DemandV1 } from '../demand-fields.v1';

/** `decision.outcome` tells approval from rejection; either is final. */
export const DEMAND_DECIDED_V1 = defineMessage({
  type: 'itsm.strategy.demand.decided.v1',
  kind: 'event',
  recordType: 'demand',
  payload: DemandV1,
  summary: 'An assessed demand was approved or rejected; carries who decided it and why.',
});
