import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { DecisionRecordV1 } from './decision-record.v1';
import { DATE_ONLY_PATTERN, PERIOD_UNITS, PeriodUnit } from './amounts-and-periods';
import { MoneyAmount } from './money-amount';

/** A demand's life: recorded by the business, assessed by portfolio management, then approved or rejected. */
export const DEMAND_STATES = ['recorded', 'assessed', 'approved', 'rejected'] as const;
export type DemandState = (typeof DEMAND_STATES)[number];

/** Business value of meeting a demand, as the assessor judges it. */
export const DEMAND_VALUES = ['low', 'medium', 'high', 'critical'] as const;
export type DemandValue = (typeof DEMAND_VALUES)[number];

export const DEMAND_RECOMMENDATIONS = ['approve', 'reject'] as const;
export type DemandRecommendation = (typeof DEMAND_RECOMMENDATIONS)[number];

export const DEMAND_OUTCOMES = ['approved', 'rejected'] as const;
export type DemandOutcome = (typeof DEMAND_OUTCOMES)[number];

/** How much of the capability the business expects to use (e.g. 2,000 users per year). */
export class DemandVolumeV1 {
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  quantity!: number;

  /** What is counted, e.g. 'users' or 'transactions'. */
  @NonEmptyText(50)
  unit!: string;

  @IsIn(PERIOD_UNITS)
  per!: PeriodUnit;
}

/** What the business asks for (v1 of its shape), shared by the strategy API and its events. */
export class DemandFieldsV1 {
  @NonEmptyText(200)
  title!: string;

  /** The capability the business unit needs, in its own words. */
  @NonEmptyText(5_000)
  requestedCapability!: string;

  @NonEmptyText(100)
  businessUnit!: string;

  @ValidateNested()
  @Type(() => DemandVolumeV1)
  expectedVolume!: DemandVolumeV1;

  /** When the business needs the capability, YYYY-MM-DD. */
  @IsOptional()
  @Matches(DATE_ONLY_PATTERN, { message: 'neededBy must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'neededBy must be a real calendar date' })
  neededBy?: string;

  /** The portfolio services that serve (or would serve) the demand. */
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @Matches(UUID_PATTERN, { each: true, message: 'each of serviceIds must be the id of a portfolio service' })
  serviceIds!: string[];
}

/** What an assessor judges about a demand; the assessment request carries it, the stored assessment adds who and when. */
export class DemandAssessmentFieldsV1 {
  @IsIn(DEMAND_VALUES)
  value!: DemandValue;

  @MoneyAmount()
  estimatedCost!: string;

  /** What meeting the demand takes from the services' capacity. */
  @NonEmptyText(5_000)
  capacityImpact!: string;

  @IsIn(DEMAND_RECOMMENDATIONS)
  recommendation!: DemandRecommendation;

  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  notes?: string;
}

/** An assessment as recorded: the judgement, who made it and when. A re-assessment replaces it. */
export class DemandAssessmentV1 extends DemandAssessmentFieldsV1 {
  @IsString()
  @IsNotEmpty()
  assessedBy!: string;

  @IsISO8601()
  at!: string;
}

/** The approval or rejection of an assessed demand: who decided, why, and when. */
export class DemandDecisionV1 extends DecisionRecordV1 {
  @IsIn(DEMAND_OUTCOMES)
  outcome!: DemandOutcome;
}

/** A demand as every strategy.demand event carries it: the whole record after the change. */
export class DemandV1 extends DemandFieldsV1 {
  @Matches(UUID_PATTERN)
  demandId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsIn(DEMAND_STATES)
  state!: DemandState;

  @IsOptional()
  @ValidateNested()
  @Type(() => DemandAssessmentV1)
  assessment?: DemandAssessmentV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => DemandDecisionV1)
  decision?: DemandDecisionV1;
}
