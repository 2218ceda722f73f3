import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ExpectedVersion } from '../../http/expected-version';
import { NonEmptyText } from '../../validation/non-empty-text';
import { ChangePlanningV1, RiskAnswersV1 } from '../messages/change-fields.v1';
import { CLOSURE_CODES, ClosureCode, VOTE_DECISIONS, VoteDecision } from '../messages/change-vocabulary';

/**
 * Body of a change's command with nothing to say but, optionally, the version the caller read
 * (submission, start of implementation): 409 when given and no longer current.
 */
export class ChangeCommandRequest {
  @ExpectedVersion({ optional: true })
  expectedVersion?: number;
}

/** Body of POST /api/v1/changes/:id/assessment: the risk questionnaire's answers (the affected items' criticality is the CMDB's). */
export class AssessChangeRequest extends ChangeCommandRequest {
  @ValidateNested()
  @Type(() => RiskAnswersV1)
  riskAnswers!: RiskAnswersV1;
}

/** Body of POST /api/v1/changes/:id/votes: the caller, one of the change's approvers, approves or rejects with a comment. */
export class VoteOnChangeRequest extends ChangeCommandRequest {
  @IsIn(VOTE_DECISIONS)
  decision!: VoteDecision;

  @NonEmptyText(2_000)
  comment!: string;
}

/** Body of POST /api/v1/changes/:id/schedule: `justification` overrides the conflicts found (recorded; change managers only). */
export class ScheduleChangeRequest extends ChangeCommandRequest {
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  justification?: string;
}

/**
 * Body of PUT /api/v1/changes/:id/plan: what changes of the window, items and plans (conflicts are checked
 * again); `justification` overrides a scheduled change's new conflicts, `expectedVersion` as for any command.
 */
export class ReplanChangeRequest extends ChangePlanningV1 {
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  justification?: string;

  @ExpectedVersion({ optional: true })
  expectedVersion?: number;
}

/** Body of POST /api/v1/changes/:id/implementation/completion. */
export class CompleteImplementationRequest extends ChangeCommandRequest {
  @NonEmptyText(10_000)
  notes!: string;
}

/** Body of POST /api/v1/changes/:id/review: the post-implementation review. */
export class ReviewChangeRequest extends ChangeCommandRequest {
  @NonEmptyText(10_000)
  summary!: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  lessons?: string;
}

/** Body of POST /api/v1/changes/:id/closure. */
export class CloseChangeRequest extends ChangeCommandRequest {
  @IsIn(CLOSURE_CODES)
  code!: ClosureCode;

  @NonEmptyText(5_000)
  notes!: string;
}

/** Body of a cancellation (of a change or a release), with its reason. */
export class CancelRequest extends ChangeCommandRequest {
  @NonEmptyText(2_000)
  reason!: string;
}
