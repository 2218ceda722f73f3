import { IsIn, IsInt, Min } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { MAJOR_UPDATE_AUDIENCES, MajorIncidentFactFieldsV1, MajorUpdateAudience } from '../major-incident-fields.v1';
import { INCIDENT_LIMITS } from '../incident-vocabulary';

/**
 * Event: an entry of an open major incident's communication log, for other systems to relay (a status page,
 * mail or chat to the stakeholders for `stakeholder`, the responders' channel for `internal`).
 */
export class MajorIncidentUpdatePostedV1 extends MajorIncidentFactFieldsV1 {
  /** Position in the log, from 1. */
  @IsInt()
  @Min(1)
  seq!: number;

  @IsIn(MAJOR_UPDATE_AUDIENCES)
  audience!: MajorUpdateAudience;

  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  text!: string;
}

export const MAJOR_INCIDENT_UPDATE_POSTED_V1 = defineMessage({
  type: 'itsm.operation.major-incident.update-posted.v1',
  kind: 'event',
  recordType: 'major-incident',
  payload: MajorIncidentUpdatePostedV1,
  summary: 'An internal or stakeholder update of an open major incident, for other systems to relay.',
});
