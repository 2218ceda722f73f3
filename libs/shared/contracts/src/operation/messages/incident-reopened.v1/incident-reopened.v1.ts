import { IsInt, Min } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { IncidentStateMoveFieldsV1 } from '../incident-fact-fields.v1';
import { INCIDENT_LIMITS } from '../incident-vocabulary';

/** Event: a resolved incident was reopened (back to In Progress) with a reason. */
export class IncidentReopenedV1 extends IncidentStateMoveFieldsV1 {
  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  reason!: string;

  /** Reopenings so far, this one included. */
  @IsInt()
  @Min(1)
  reopenCount!: number;
}

export const INCIDENT_REOPENED_V1 = defineMessage({
  type: 'itsm.operation.incident.reopened.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentReopenedV1,
  summary: 'A resolved incident was reopened (back to In Progress) with a reason.',
});
