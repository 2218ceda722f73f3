import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { RecordIdProperty, TimestampProperty, VersionedView } from '../../http/view-properties';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { PRIORITY_LEVELS, Priority } from '../messages/incident-vocabulary';
import { ProblemReportFieldsV1, RootCauseAnalysisFieldsV1 } from '../messages/problem-fields.v1';
import { PROBLEM_STATES, ProblemState } from '../messages/problem-vocabulary';

/** The root-cause analysis as recorded. */
export class RootCauseAnalysisView extends RootCauseAnalysisFieldsV1 {
  @TimestampProperty()
  recordedAt!: string;

  @IsString()
  recordedBy!: string;
}

/** The fix that resolved the problem. */
export class ProblemFixView {
  @IsString()
  notes!: string;

  @TimestampProperty()
  appliedAt!: string;

  @IsString()
  appliedBy!: string;
}

export class ProblemCancellationView {
  @IsString()
  reason!: string;

  @TimestampProperty()
  cancelledAt!: string;

  @IsString()
  cancelledBy!: string;
}

/** A problem as the API shows it (GET /api/v1/problems/:id). */
export class ProblemView extends VersionedView(ProblemReportFieldsV1) {
  @RecordIdProperty()
  id!: string;

  /** e.g. PRB0000042. */
  @Matches(/^PRB\d{7,}$/)
  number!: string;

  /** Derived from impact x urgency: 1 Critical .. 5 Planning. */
  @IsIn(PRIORITY_LEVELS)
  priority!: Priority;

  @IsIn(PROBLEM_STATES)
  state!: ProblemState;

  /** User id of who reported it. */
  @IsString()
  reportedBy!: string;

  /** Linked incidents, oldest link first. */
  @Matches(UUID_PATTERN, { each: true })
  incidentIds!: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => RootCauseAnalysisView)
  rootCauseAnalysis?: RootCauseAnalysisView;

  @IsOptional()
  @ValidateNested()
  @Type(() => ProblemFixView)
  fix?: ProblemFixView;

  @IsOptional()
  @ValidateNested()
  @Type(() => ProblemCancellationView)
  cancellation?: ProblemCancellationView;

  @IsOptional()
  @TimestampProperty()
  closedAt?: string;
}
