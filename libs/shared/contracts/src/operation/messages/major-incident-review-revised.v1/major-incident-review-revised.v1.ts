import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { MajorIncidentFactFieldsV1, ReviewContentV1 } from '../major-incident-fields.v1';

/** Event: a post-incident review's causes and actions (with owners and due dates) were revised; carries them whole. */
export class MajorIncidentReviewRevisedV1 extends MajorIncidentFactFieldsV1 {
  @ValidateNested()
  @Type(() => ReviewContentV1)
  review!: ReviewContentV1;
}

export const MAJOR_INCIDENT_REVIEW_REVISED_V1 = defineMessage({
  type: 'itsm.operation.major-incident.review-revised.v1',
  kind: 'event',
  recordType: 'major-incident',
  payload: MajorIncidentReviewRevisedV1,
  summary: "A post-incident review's causes and actions (owners, due dates) were revised; carries them whole.",
});
