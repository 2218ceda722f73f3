import { defineMessage } from '../../../messages/message-definition';
import { SlaFactFieldsV1 } from '../sla-fact-fields.v1';

/** Event: a target's clock paused (e.g. the record went On Hold); a paused clock neither warns nor breaches. */
export class SlaPausedV1 extends SlaFactFieldsV1 {}

export const SLA_PAUSED_V1 = defineMessage({
  type: 'itsm.operation.sla.paused.v1',
  kind: 'event',
  recordType: 'incident',
  // The clock runs on an incident or on a service request (a catalogue item's delivery target).
  recordTypeOf: (data) => data.recordType,
  payload: SlaPausedV1,
  summary: 'A target\'s clock paused (e.g. the record went On Hold); a paused clock neither warns nor breaches.',
});
