import { defineMessage } from '../../../messages/message-definition';
import { SlaFactFieldsV1 } from '../sla-fact-fields.v1';

/** Event: a target was missed: its business time ran past the target; once per run. Feeds escalation (an SLA or OLA breach reassigns to the group's escalation group). */
export class SlaBreachedV1 extends SlaFactFieldsV1 {}

export const SLA_BREACHED_V1 = defineMessage({
  type: 'itsm.operation.sla.breached.v1',
  kind: 'event',
  recordType: 'incident',
  // The clock runs on an incident or on a service request (a catalogue item's delivery target).
  recordTypeOf: (data) => data.recordType,
  payload: SlaBreachedV1,
  summary: 'A target was missed: its business time ran past the target; once per run. Feeds escalation (an SLA or OLA breach reassigns to the group\'s escalation group).',
});
