import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../../http/page.query';
import { Page } from '../../http/page.view';
import { RecordIdProperty, TimestampProperty, VersionProperty } from '../../http/view-properties';
import { QueryBoolean } from '../../validation/query-boolean';
import { MAJOR_INCIDENT_STATES, MAJOR_UPDATE_AUDIENCES, MajorIncidentState, MajorUpdateAudience, ReviewActionV1 } from '../messages/major-incident-fields.v1';

/** One entry of a major incident's communication log. */
export class MajorIncidentUpdateView {
  @IsInt() @Min(1) seq!: number;
  @IsIn(MAJOR_UPDATE_AUDIENCES) audience!: MajorUpdateAudience;
  @IsString() text!: string;
  @TimestampProperty() at!: string;
  @IsString() by!: string;
}

/** One line of a review's timeline. */
export class ReviewTimelineEntryView {
  @TimestampProperty() at!: string;
  @IsIn(['incident', 'communication']) source!: 'incident' | 'communication';
  @IsString() summary!: string;
}

/** A post-incident review: opened at the incident's resolution, its causes and actions edited by the major incident manager. */
export class PostIncidentReviewView {
  @TimestampProperty() openedAt!: string;

  @ValidateNested({ each: true })
  @Type(() => ReviewTimelineEntryView)
  timeline!: ReviewTimelineEntryView[];

  @IsString({ each: true })
  causes!: string[];

  @ValidateNested({ each: true })
  @Type(() => ReviewActionV1)
  actions!: ReviewActionV1[];
}

/** A major incident (GET /api/v1/major-incidents/:id): the incident's id, its procedure's state, log and review. */
export class MajorIncidentView {
  /** The incident's id. */
  @RecordIdProperty() id!: string;
  @Matches(/^INC\d{7,}$/) number!: string;
  @IsIn(MAJOR_INCIDENT_STATES) state!: MajorIncidentState;
  /** Promoted and its incident not resolved yet. */
  @IsBoolean() open!: boolean;
  @IsString() proposedBy!: string;
  @TimestampProperty() proposedAt!: string;
  @IsString() proposalReason!: string;
  @IsOptional() @IsString() decidedBy?: string;
  @IsOptional() @TimestampProperty() decidedAt?: string;
  @IsOptional() @IsString() decisionReason?: string;

  @ValidateNested({ each: true })
  @Type(() => MajorIncidentUpdateView)
  updates!: MajorIncidentUpdateView[];

  /** The last entry of the log, if any (what the list of open major incidents shows). */
  @IsOptional()
  @ValidateNested()
  @Type(() => MajorIncidentUpdateView)
  latestUpdate?: MajorIncidentUpdateView;

  @IsOptional()
  @ValidateNested()
  @Type(() => PostIncidentReviewView)
  review?: PostIncidentReviewView;

  @VersionProperty() version!: number;
  @TimestampProperty() createdAt!: string;
  @TimestampProperty() updatedAt!: string;
}

/** Query string of GET /api/v1/major-incidents, newest first. */
export class ListMajorIncidentsQuery extends PageQuery {
  /** `true`: only open major incidents (promoted, not resolved), an equality on a stored flag. */
  @IsOptional()
  @QueryBoolean()
  open?: boolean;

  @IsOptional()
  @IsIn(MAJOR_INCIDENT_STATES)
  state?: MajorIncidentState;
}

export type MajorIncidentPage = Page<MajorIncidentView>;
