import { IsIn, IsISO8601, Matches } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { IncidentReportFieldsV1 } from '../incident-report-fields.v1';
import { INCIDENT_STATES, IncidentState, PRIORITY_LEVELS, Priority } from '../incident-vocabulary';

/** Event: an incident was recorded, with the priority derived from impact and urgency. */
export class IncidentCreatedV1 extends IncidentReportFieldsV1 {
  /** Human-facing number, e.g. INC0001042. */
  @Matches(/^INC[0-9]{7,}$/)
  number!: string;

  @IsIn(PRIORITY_LEVELS)
  priority!: Priority;

  @IsIn(INCIDENT_STATES)
  state!: IncidentState;

  @IsISO8601({ strict: true })
  createdAt!: string;
}

export const INCIDENT_CREATED_V1 = defineMessage({
  type: 'itsm.operation.incident.created.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentCreatedV1,
  summary: 'An incident was recorded; carries its number, derived priority and initial state.',
});
