import { defineMessage } from '../../../messages/message-definition';
import { DemandV1 } from '../demand-fields.v1';

/** Sent again when a demand is re-assessed before the decision; the latest assessment replaces the earlier one. */
export const DEMAND_ASSESSED_V1 = defineMessage({
  type: 'itsm.strategy.demand.assessed.v1',
  kind: 'event',
  recordType: 'demand',
  payload: DemandV1,
  summary: 'A demand was assessed (business value, estimated cost, capacity impact, recommendation); carries who assessed it.',
});
