import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { DEPLOYMENT_OUTCOMES, DeploymentOutcome, RELEASE_STAGES, ReleaseStage } from './change-vocabulary';
import { IsoInstant } from '../../validation/iso-instant';

/** One deployment of a release, as recorded (failed and rolled-back ones too). */
export class DeploymentV1 {
  @NonEmptyText(100)
  environment!: string;

  @IsIn(DEPLOYMENT_OUTCOMES)
  outcome!: DeploymentOutcome;

  @IsString()
  @MaxLength(5_000)
  notes!: string;

  @IsoInstant()
  deployedAt!: string;

  @NonEmptyText(200)
  deployedBy!: string;
}

export class ReleaseReviewV1 {
  @NonEmptyText(10_000)
  summary!: string;

  @IsoInstant()
  reviewedAt!: string;

  @NonEmptyText(200)
  reviewedBy!: string;
}

export class ReleaseCancellationV1 {
  @NonEmptyText(2_000)
  reason!: string;

  @IsoInstant()
  cancelledAt!: string;

  @NonEmptyText(200)
  cancelledBy!: string;
}

/** A release (v1): the changes it bundles, its stage, every deployment, its review. */
export class ReleaseFieldsV1 {
  @NonEmptyText(200)
  name!: string;

  @IsIn(RELEASE_STAGES)
  stage!: ReleaseStage;

  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(UUID_PATTERN, { each: true })
  changeIds!: string[];

  @ValidateNested({ each: true })
  @Type(() => DeploymentV1)
  deployments!: DeploymentV1[];

  @IsOptional()
  @ValidateNested()
  @Type(() => ReleaseReviewV1)
  review?: ReleaseReviewV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => ReleaseCancellationV1)
  cancellation?: ReleaseCancellationV1;
}

export class ReleaseV1 extends ReleaseFieldsV1 {
  @Matches(UUID_PATTERN)
  releaseId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}
