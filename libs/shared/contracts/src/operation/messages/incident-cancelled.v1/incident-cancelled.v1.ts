import { IsIn, IsOptional, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { IncidentStateMoveFieldsV1 } from '../incident-fact-fields.v1';
import { CANCEL_REASONS, CancelReason } from '../incident-vocabulary';

/** Event: the incident was cancelled as a duplicate (naming the other incident) or as not an incident. */
export class IncidentCancelledV1 extends IncidentStateMoveFieldsV1 {
  @IsIn(CANCEL_REASONS)
  reason!: CancelReason;

  /** The incident this one duplicates. */
  @IsOptional()
  @Matches(UUID_PATTERN)
  duplicateOf?: string;
}

export const INCIDENT_CANCELLED_V1 = defineMessage({
  type: 'itsm.operation.incident.cancelled.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentCancelledV1,
  summary: 'The incident was cancelled as a duplicate (naming the other incident) or as not an incident.',
});
