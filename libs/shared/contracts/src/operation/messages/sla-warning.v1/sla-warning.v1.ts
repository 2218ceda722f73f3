import { IsInt, Max, Min } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { SlaFactFieldsV1 } from '../sla-fact-fields.v1';

/** Event: a target crossed one of its definition's warning thresholds (a percentage of the target); once per threshold and run. */
export class SlaWarningV1 extends SlaFactFieldsV1 {
  /** The threshold crossed, in percent of the target. */
  @IsInt()
  @Min(1)
  @Max(99)
  percent!: number;
}

export const SLA_WARNING_V1 = defineMessage({
  type: 'itsm.operation.sla.warning.v1',
  kind: 'event',
  recordType: 'incident',
  // The clock runs on an incident or on a service request (a catalogue item's delivery target).
  recordTypeOf: (data) => data.recordType,
  payload: SlaWarningV1,
  summary: 'A target crossed one of its definition\'s warning thresholds (a percentage of the target); once per threshold and run.',
});
