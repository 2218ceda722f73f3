import { Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { CURRENCY_PATTERN, CostEntryFieldsV1 } from '../financials-fields.v1';

/** Event: an actual cost was entered in a service's ledger (a negative amount corrects earlier entries). */
export class CostRecordedV1 extends CostEntryFieldsV1 {
  @Matches(UUID_PATTERN)
  entryId!: string;

  @Matches(CURRENCY_PATTERN)
  currency!: string;
}

export const COST_RECORDED_V1 = defineMessage({
  type: 'itsm.strategy.cost.recorded.v1',
  kind: 'event',
  recordType: 'cost-entry',
  payload: CostRecordedV1,
  summary: 'An actual cost of a service was recorded in the append-only ledger (negative amounts are corrections); carries amount, category and date.',
});
