import { IsIn } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { MajorIncidentFactFieldsV1 } from '../major-incident-fields.v1';
import { INCIDENT_LIMITS } from '../incident-vocabulary';

/** Event: the major incident manager promoted the candidate (its major-incident procedure starts) or rejected it. */
export class MajorIncidentDecidedV1 extends MajorIncidentFactFieldsV1 {
  @IsIn(['promoted', 'rejected'])
  decision!: 'promoted' | 'rejected';

  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  reason!: string;
}

export const MAJOR_INCIDENT_DECIDED_V1 = defineMessage({
  type: 'itsm.operation.major-incident.decided.v1',
  kind: 'event',
  recordType: 'major-incident',
  payload: MajorIncidentDecidedV1,
  summary: 'A major incident candidate was promoted (its procedure starts) or rejected, with a reason.',
});
