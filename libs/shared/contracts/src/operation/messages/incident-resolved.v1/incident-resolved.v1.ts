import { IsBoolean, IsISO8601, IsIn } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { IncidentStateMoveFieldsV1 } from '../incident-fact-fields.v1';
import { INCIDENT_LIMITS, RESOLUTION_CODES, ResolutionCode } from '../incident-vocabulary';

/** Event: the incident was resolved with a resolution code and notes; carries when it closes by itself. */
export class IncidentResolvedV1 extends IncidentStateMoveFieldsV1 {
  @IsIn(RESOLUTION_CODES)
  code!: ResolutionCode;

  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  notes!: string;

  /** When it closes by itself unless closed or reopened first. */
  @IsISO8601({ strict: true })
  autoCloseAt!: string;

  /** Resolved by the service desk at first contact (never reassigned, held or reopened). */
  @IsBoolean()
  firstContact!: boolean;
}

export const INCIDENT_RESOLVED_V1 = defineMessage({
  type: 'itsm.operation.incident.resolved.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentResolvedV1,
  summary: 'The incident was resolved with a resolution code and notes; carries when it closes by itself.',
});
