import { IsBoolean, IsOptional } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { IncidentFactFieldsV1 } from '../incident-fact-fields.v1';
import { INCIDENT_LIMITS } from '../incident-vocabulary';

/** Event: the incident was assigned to a group (and optionally one of its members), by a person or by routing or escalation (`by` is `system:operation`). */
export class IncidentAssignedV1 extends IncidentFactFieldsV1 {
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  groupId!: string;

  /** The member of the group who works on it, if one was named. */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  assigneeId?: string;

  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  previousGroupId?: string;

  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  previousAssigneeId?: string;

  /** It left another group (counted in the reassignment KPI); the first assignment is not one. */
  @IsBoolean()
  reassignment!: boolean;
}

export const INCIDENT_ASSIGNED_V1 = defineMessage({
  type: 'itsm.operation.incident.assigned.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentAssignedV1,
  summary: 'The incident was assigned to a group (and optionally one of its members), by a person or by routing or escalation (`by` is `system:operation`).',
});
