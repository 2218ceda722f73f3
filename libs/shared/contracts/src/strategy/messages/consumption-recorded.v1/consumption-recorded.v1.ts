import { Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { ConsumptionFieldsV1 } from '../financials-fields.v1';

/** Event: a business unit's consumption of a service in a month was recorded (the basis of chargeback). */
export class ConsumptionRecordedV1 extends ConsumptionFieldsV1 {
  @Matches(UUID_PATTERN)
  entryId!: string;
}

export const CONSUMPTION_RECORDED_V1 = defineMessage({
  type: 'itsm.strategy.consumption.recorded.v1',
  kind: 'event',
  recordType: 'consumption',
  payload: ConsumptionRecordedV1,
  summary: "Units of a service a business unit consumed in a month were recorded; chargeback charges them at the service's standard rates.",
});
