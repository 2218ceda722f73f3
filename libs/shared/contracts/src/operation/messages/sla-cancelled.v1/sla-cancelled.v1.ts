import { IsIn, IsInt, Min } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { SlaFactFieldsV1, SLA_CANCEL_REASONS, SlaCancelReasonV1 } from '../sla-fact-fields.v1';

/** Event: a target's clock was cancelled: the record was cancelled, or the definition no longer applies (its priority or service changed). */
export class SlaCancelledV1 extends SlaFactFieldsV1 {
  /** `record-cancelled`, or `no-longer-applies` (priority or service changed; another definition took over). */
  @IsIn(SLA_CANCEL_REASONS)
  reason!: SlaCancelReasonV1;

  /** Business ms the target ran (pauses excluded). */
  @IsInt()
  @Min(0)
  elapsedMs!: number;
}

export const SLA_CANCELLED_V1 = defineMessage({
  type: 'itsm.operation.sla.cancelled.v1',
  kind: 'event',
  recordType: 'incident',
  // The clock runs on an incident or on a service request (a catalogue item's delivery target).
  recordTypeOf: (data) => data.recordType,
  payload: SlaCancelledV1,
  summary: 'A target\'s clock was cancelled: the record was cancelled, or the definition no longer applies (its priority or service changed).',
});
