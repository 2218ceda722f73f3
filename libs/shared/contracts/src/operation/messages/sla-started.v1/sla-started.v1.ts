import { IsISO8601, IsOptional } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { SlaFactFieldsV1 } from '../sla-fact-fields.v1';

/** Event: a target's clock started (the record met the definition's start condition); carries when it falls due if it keeps running. */
export class SlaStartedV1 extends SlaFactFieldsV1 {
  /** When the target falls due if the clock keeps running; absent when it started paused. */
  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt?: string;
}

export const SLA_STARTED_V1 = defineMessage({
  type: 'itsm.operation.sla.started.v1',
  kind: 'event',
  recordType: 'incident',
  // The clock runs on an incident or on a service request (a catalogue item's delivery target).
  recordTypeOf: (data) => data.recordType,
  payload: SlaStartedV1,
  summary: 'A target\'s clock started (the record met the definition\'s start condition); carries when it falls due if it keeps running.',
});
