import { IsIn, IsOptional } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { IncidentStateMoveFieldsV1 } from '../incident-fact-fields.v1';
import { HOLD_REASONS, HoldReason } from '../incident-vocabulary';

/** Event: the incident was started, put on hold (with the reason) or resumed; carries `from` and `to`. */
export class IncidentStateChangedV1 extends IncidentStateMoveFieldsV1 {
  /** Why it waits, when it went On Hold. */
  @IsOptional()
  @IsIn(HOLD_REASONS)
  holdReason?: HoldReason;
}

export const INCIDENT_STATE_CHANGED_V1 = defineMessage({
  type: 'itsm.operation.incident.state-changed.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentStateChangedV1,
  summary: 'The incident was started, put on hold (with the reason) or resumed; carries `from` and `to`.',
});
