import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { MajorIncidentFactFieldsV1 } from '../major-incident-fields.v1';
import { INCIDENT_LIMITS } from '../incident-vocabulary';

/** Event: an incident was proposed as a major incident (a candidate for the major incident manager). */
export class MajorIncidentProposedV1 extends MajorIncidentFactFieldsV1 {
  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  reason!: string;
}

export const MAJOR_INCIDENT_PROPOSED_V1 = defineMessage({
  type: 'itsm.operation.major-incident.proposed.v1',
  kind: 'event',
  recordType: 'major-incident',
  payload: MajorIncidentProposedV1,
  summary: 'An incident was proposed as a major incident, with a reason; a major incident manager promotes or rejects it.',
});
