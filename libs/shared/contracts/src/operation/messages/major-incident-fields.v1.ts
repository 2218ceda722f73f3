import { Type } from 'class-transformer';
import { ArrayMaxSize, IsNotEmpty, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { IncidentFactFieldsV1 } from './incident-fact-fields.v1';
import { INCIDENT_LIMITS } from './incident-vocabulary';

/** `candidate` → `promoted` or `rejected` (see `@itsm/operation/incident-domain`, `major-incident.ts`). */
export const MAJOR_INCIDENT_STATES = ['candidate', 'promoted', 'rejected'] as const;
export type MajorIncidentState = (typeof MAJOR_INCIDENT_STATES)[number];

/** Who a communication log entry is for: the responders (`internal`) or the business (`stakeholder`). */
export const MAJOR_UPDATE_AUDIENCES = ['internal', 'stakeholder'] as const;
export type MajorUpdateAudience = (typeof MAJOR_UPDATE_AUDIENCES)[number];

/** Most causes and actions a review holds. */
export const REVIEW_MAX_ITEMS = 50;

/** A calendar date, YYYY-MM-DD. */
export const DATE_ONLY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * What every major-incident event carries: the incident (its id is the subject), `version` the major-incident
 * record's version after the change (not the incident's), when and by whom (`system:operation` for the review
 * opened at the incident's resolution). The same fields as an incident's events.
 */
export class MajorIncidentFactFieldsV1 extends IncidentFactFieldsV1 {}

/** One action of a post-incident review: what, its owner, its due date. */
export class ReviewActionV1 {
  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  description!: string;

  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  ownerId!: string;

  /** YYYY-MM-DD. */
  @Matches(DATE_ONLY_PATTERN)
  dueDate!: string;
}

/** Causes and actions of a review (a revision replaces both). */
export class ReviewContentV1 {
  @ArrayMaxSize(REVIEW_MAX_ITEMS)
  @MaxLength(INCIDENT_LIMITS.noteMaxLength, { each: true })
  @IsNotEmpty({ each: true })
  @IsString({ each: true })
  causes!: string[];

  @ArrayMaxSize(REVIEW_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ReviewActionV1)
  actions!: ReviewActionV1[];
}
