import { IsISO8601, IsOptional } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { SlaFactFieldsV1 } from '../sla-fact-fields.v1';

/** Event: a paused target's clock runs again; carries its due time, moved back by the business time paused. */
export class SlaResumedV1 extends SlaFactFieldsV1 {
  /** When the target falls due now, the paused business time added. */
  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt?: string;
}

export const SLA_RESUMED_V1 = defineMessage({
  type: 'itsm.operation.sla.resumed.v1',
  kind: 'event',
  recordType: 'incident',
  // The clock runs on an incident or on a service request (a catalogue item's delivery target).
  recordTypeOf: (data) => data.recordType,
  payload: SlaResumedV1,
  summary: 'A paused target\'s clock runs again; carries its due time, moved back by the business time paused.',
});
