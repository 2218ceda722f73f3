import { IsIn } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { IncidentFactFieldsV1 } from '../incident-fact-fields.v1';
import { INCIDENT_LIMITS } from '../incident-vocabulary';

/** Event: a comment (visible to the caller) or a work note (internal) was added to the timeline of the incident. */
export class IncidentCommentedV1 extends IncidentFactFieldsV1 {
  /** `public`: a comment the caller sees; `internal`: a work note, never shown to the caller. */
  @IsIn(['public', 'internal'])
  visibility!: 'public' | 'internal';

  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  text!: string;
}

export const INCIDENT_COMMENTED_V1 = defineMessage({
  type: 'itsm.operation.incident.commented.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentCommentedV1,
  summary: 'A comment (visible to the caller) or a work note (internal) was added to the timeline of the incident.',
});
