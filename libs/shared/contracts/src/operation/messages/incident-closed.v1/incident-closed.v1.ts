import { IsBoolean } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { IncidentStateMoveFieldsV1 } from '../incident-fact-fields.v1';

/** Event: a resolved incident was closed, by the caller or the desk, or automatically after the configured time. */
export class IncidentClosedV1 extends IncidentStateMoveFieldsV1 {
  /** Closed by the operation service once the configured time in Resolved passed. */
  @IsBoolean()
  automatic!: boolean;
}

export const INCIDENT_CLOSED_V1 = defineMessage({
  type: 'itsm.operation.incident.closed.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentClosedV1,
  summary: 'A resolved incident was closed, by the caller or the desk, or automatically after the configured time.',
});
