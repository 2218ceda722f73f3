import { IsBoolean, IsInt, Min } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { SlaFactFieldsV1 } from '../sla-fact-fields.v1';

/** Event: a target's clock stopped (first response, or resolution): met or breached, with the business time it ran. */
export class SlaCompletedV1 extends SlaFactFieldsV1 {
  /** Whether the target was missed. */
  @IsBoolean()
  breached!: boolean;

  /** Business ms the target ran (pauses excluded). */
  @IsInt()
  @Min(0)
  elapsedMs!: number;
}

export const SLA_COMPLETED_V1 = defineMessage({
  type: 'itsm.operation.sla.completed.v1',
  kind: 'event',
  recordType: 'incident',
  // The clock runs on an incident or on a service request (a catalogue item's delivery target).
  recordTypeOf: (data) => data.recordType,
  payload: SlaCompletedV1,
  summary: 'A target\'s clock stopped (first response, or resolution): met or breached, with the business time it ran.',
});
