import { IsInt, Min } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { MajorIncidentFactFieldsV1 } from '../major-incident-fields.v1';

/** Event: a promoted major incident's incident was resolved; its post-incident review opened (timeline built, causes and actions to fill in). */
export class MajorIncidentReviewOpenedV1 extends MajorIncidentFactFieldsV1 {
  /** Entries of the review's timeline (from the incident's timeline and the communication log). */
  @IsInt()
  @Min(0)
  timelineEntries!: number;
}

export const MAJOR_INCIDENT_REVIEW_OPENED_V1 = defineMessage({
  type: 'itsm.operation.major-incident.review-opened.v1',
  kind: 'event',
  recordType: 'major-incident',
  payload: MajorIncidentReviewOpenedV1,
  summary: "A major incident's incident was resolved and its post-incident review opened, its timeline built from the incident's timeline and communication log.",
});
