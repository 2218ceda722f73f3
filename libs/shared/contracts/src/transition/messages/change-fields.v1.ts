import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { IsoInstant } from '../../validation/iso-instant';
import {
  APPROVAL_OUTCOMES,
  APPROVER_KINDS,
  ApprovalOutcome,
  ApproverKind,
  CHANGE_STATES,
  CHANGE_TYPES,
  CLOSURE_CODES,
  CONFLICT_KINDS,
  CONFLICT_PARTY_TYPES,
  ChangeState,
  ChangeType,
  ClosureCode,
  ConflictKind,
  ConflictPartyType,
  DECISION_RULE_KINDS,
  DecisionRuleKind,
  ITEM_CRITICALITIES,
  ITEM_ID_PATTERN,
  ItemCriticality,
  RISK_LEVELS,
  RiskLevel,
  VOTE_DECISIONS,
  VoteDecision,
} from './change-vocabulary';

/** Most configuration items one change may name. */
export const MAX_CHANGE_ITEMS = 200;

const Instant = () => IsoInstant();

/** A half-open period [start, end), ISO 8601 instants; `end` after `start`. */
export class TimeWindowV1 {
  @Instant()
  start!: string;

  @Instant()
  end!: string;
}

/** Implementation, backout and test plans; each required before the change is scheduled. */
export class ChangePlansV1 {
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  implementation?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  backout?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  test?: string;
}

/** What may be planned of a change when it is raised or replanned; each part optional (a replan changes what it names). */
export class ChangePlanningV1 {
  /** Affected configuration items (CMDB ids). */
  @IsOptional()
  @ArrayMaxSize(MAX_CHANGE_ITEMS)
  @ArrayUnique()
  @Matches(ITEM_ID_PATTERN, { each: true, message: 'each of itemIds must be a configuration item id (letters, digits, - and _)' })
  itemIds?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => ChangePlansV1)
  plans?: ChangePlansV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => TimeWindowV1)
  plannedWindow?: TimeWindowV1;
}

/** The risk questionnaire's answers (codes: `RISK_ANSWERS`). */
export class RiskAnswersV1 {
  @IsString()
  userImpact!: string;

  @IsString()
  outage!: string;

  @IsString()
  testing!: string;

  @IsString()
  backout!: string;

  @IsString()
  experience!: string;
}

/** A change's risk: the questionnaire's points and level, the affected items' highest criticality and the floor it sets, the result. */
export class RiskAssessmentV1 {
  @ValidateNested()
  @Type(() => RiskAnswersV1)
  answers!: RiskAnswersV1;

  @IsInt()
  @Min(0)
  score!: number;

  @IsIn(RISK_LEVELS)
  questionnaireRisk!: RiskLevel;

  @IsOptional()
  @IsIn(ITEM_CRITICALITIES)
  highestCriticality?: ItemCriticality;

  @IsIn(RISK_LEVELS)
  criticalityRisk!: RiskLevel;

  @IsIn(RISK_LEVELS)
  risk!: RiskLevel;
}

/** How a board decides; `quorum` only with kind `quorum` (1..members). */
export class DecisionRuleV1 {
  @IsIn(DECISION_RULE_KINDS)
  kind!: DecisionRuleKind;

  @IsOptional()
  @IsInt()
  @Min(1)
  quorum?: number;
}

export class ApprovalVoteV1 {
  @NonEmptyText(200)
  approverId!: string;

  @IsIn(VOTE_DECISIONS)
  decision!: VoteDecision;

  @NonEmptyText(2_000)
  comment!: string;

  @Instant()
  at!: string;
}

/** One round of authorisation: who decides (fixed when it was requested), under which rule, their votes, the outcome. */
export class ChangeApprovalV1 {
  @IsIn(APPROVER_KINDS)
  approverKind!: ApproverKind;

  @ArrayMaxSize(100)
  @IsString({ each: true })
  approverIds!: string[];

  @ValidateNested()
  @Type(() => DecisionRuleV1)
  rule!: DecisionRuleV1;

  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ApprovalVoteV1)
  votes!: ApprovalVoteV1[];

  @IsIn(APPROVAL_OUTCOMES)
  outcome!: ApprovalOutcome;

  @Instant()
  requestedAt!: string;
}

/**
 * The other party of a conflict: a change (`changeId`, `number`, `window`), an item's maintenance
 * windows (`itemId`, `names`) or a freeze (`freezeId`, `name`, `window`).
 */
export class ConflictPartyV1 {
  @IsIn(CONFLICT_PARTY_TYPES)
  type!: ConflictPartyType;

  @IsOptional()
  @Matches(UUID_PATTERN)
  changeId?: string;

  @IsOptional()
  @IsString()
  number?: string;

  @IsOptional()
  @Matches(UUID_PATTERN)
  freezeId?: string;

  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @IsString()
  itemId?: string;

  @IsOptional()
  @IsString({ each: true })
  names?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => TimeWindowV1)
  window?: TimeWindowV1;
}

/** One conflict of a change's planned window, with its reason and the other party. */
export class ChangeConflictV1 {
  @IsIn(CONFLICT_KINDS)
  kind!: ConflictKind;

  @IsOptional()
  @IsString()
  itemId?: string;

  @IsOptional()
  @IsString()
  relatedItemId?: string;

  @IsOptional()
  @IsIn(['parent', 'child'])
  relation?: 'parent' | 'child';

  /** For `outside-maintenance-window`: the first instant no maintenance window covers. */
  @IsOptional()
  @Instant()
  outsideFrom?: string;

  @NonEmptyText(1_000)
  reason!: string;

  @ValidateNested()
  @Type(() => ConflictPartyV1)
  other!: ConflictPartyV1;

  /**
   * In a change's `conflicts` (views and events; absent in `overrides[].conflicts` and in events before it
   * was added): whether one of the change's overrides named this conflict (same kind, item, related item
   * and other party). A conflict found after the last override is `false`: replanning the scheduled
   * change needs a new override for it.
   */
  @IsOptional()
  @IsBoolean()
  overridden?: boolean;
}

/** Scheduling over conflicts: who decided, when, why, and the conflicts accepted. */
export class ConflictOverrideV1 {
  @NonEmptyText(2_000)
  justification!: string;

  @NonEmptyText(200)
  by!: string;

  @Instant()
  at!: string;

  @ValidateNested({ each: true })
  @Type(() => ChangeConflictV1)
  conflicts!: ChangeConflictV1[];
}

export class PostImplementationReviewV1 {
  @NonEmptyText(10_000)
  summary!: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  lessons?: string;

  @Instant()
  reviewedAt!: string;

  @NonEmptyText(200)
  reviewedBy!: string;
}

export class ChangeClosureV1 {
  @IsIn(CLOSURE_CODES)
  code!: ClosureCode;

  @NonEmptyText(5_000)
  notes!: string;

  @Instant()
  closedAt!: string;

  @NonEmptyText(200)
  closedBy!: string;
}

export class ChangeCancellationV1 {
  @NonEmptyText(2_000)
  reason!: string;

  @IsIn(CHANGE_STATES)
  fromState!: ChangeState;

  @Instant()
  cancelledAt!: string;

  @NonEmptyText(200)
  cancelledBy!: string;
}

/** What a change request says and where it stands (v1 of its shape): the API's view and every change event carry it whole. */
export class ChangeFieldsV1 {
  @NonEmptyText(20)
  number!: string;

  @IsIn(CHANGE_TYPES)
  type!: ChangeType;

  @IsIn(CHANGE_STATES)
  state!: ChangeState;

  @NonEmptyText(200)
  title!: string;

  @IsString()
  @MaxLength(10_000)
  description!: string;

  @NonEmptyText(200)
  requestedBy!: string;

  /** The assignment group that implements the change (operation's group id). */
  @NonEmptyText(100)
  changeGroupId!: string;

  @IsOptional()
  @Matches(UUID_PATTERN)
  templateId?: string;

  /** Affected configuration items (CMDB ids). */
  @ArrayMaxSize(MAX_CHANGE_ITEMS)
  @ArrayUnique()
  @Matches(ITEM_ID_PATTERN, { each: true, message: 'each of itemIds must be a configuration item id (letters, digits, - and _)' })
  itemIds!: string[];

  @ValidateNested()
  @Type(() => ChangePlansV1)
  plans!: ChangePlansV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => TimeWindowV1)
  plannedWindow?: TimeWindowV1;

  @IsOptional()
  @IsIn(RISK_LEVELS)
  risk?: RiskLevel;

  @IsOptional()
  @ValidateNested()
  @Type(() => RiskAssessmentV1)
  riskAssessment?: RiskAssessmentV1;

  /** The current round of authorisation. */
  @IsOptional()
  @ValidateNested()
  @Type(() => ChangeApprovalV1)
  approval?: ChangeApprovalV1;

  @ValidateNested({ each: true })
  @Type(() => ChangeApprovalV1)
  rejectedApprovals!: ChangeApprovalV1[];

  /** The planned window's conflicts as last detected. */
  @ValidateNested({ each: true })
  @Type(() => ChangeConflictV1)
  conflicts!: ChangeConflictV1[];

  /** Every override of conflicts, in order. */
  @ValidateNested({ each: true })
  @Type(() => ConflictOverrideV1)
  overrides!: ConflictOverrideV1[];

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  implementationNotes?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => PostImplementationReviewV1)
  review?: PostImplementationReviewV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => ChangeClosureV1)
  closure?: ChangeClosureV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => ChangeCancellationV1)
  cancellation?: ChangeCancellationV1;
}

/** A change as its events carry it: the whole change after the fact, its id and version. */
export class ChangeV1 extends ChangeFieldsV1 {
  @Matches(UUID_PATTERN)
  changeId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}
