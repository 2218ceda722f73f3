import { IsIn } from 'class-validator';
import { ExpectedVersion } from '../../http/expected-version';
import { NonEmptyText } from '../../validation/non-empty-text';
import { INCIDENT_LIMITS } from '../messages/incident-vocabulary';
import { MAJOR_UPDATE_AUDIENCES, MajorUpdateAudience, ReviewContentV1 } from '../messages/major-incident-fields.v1';

/** POST /api/v1/incidents/:id/major-incident: proposes the open incident as a major incident candidate. */
export class ProposeMajorIncidentRequest {
  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  reason!: string;
}

/** POST /api/v1/major-incidents/:id/decision: the major incident manager promotes or rejects a candidate. */
export class DecideMajorIncidentRequest {
  @ExpectedVersion()
  expectedVersion!: number;

  @IsIn(['promote', 'reject'])
  decision!: 'promote' | 'reject';

  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  reason!: string;
}

/** POST /api/v1/major-incidents/:id/updates: an entry of the communication log (appended: `expectedVersion` optional). */
export class PostMajorIncidentUpdateRequest {
  @ExpectedVersion({ optional: true })
  expectedVersion?: number;

  @IsIn(MAJOR_UPDATE_AUDIENCES)
  audience!: MajorUpdateAudience;

  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  text!: string;
}

/** PUT /api/v1/major-incidents/:id/review: the review's causes and actions, whole (a revision replaces both). */
export class ReviseMajorIncidentReviewRequest extends ReviewContentV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}
