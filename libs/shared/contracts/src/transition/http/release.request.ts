import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { DEPLOYMENT_OUTCOMES, DeploymentOutcome } from '../messages/change-vocabulary';
import { ChangeCommandRequest } from './change-command.request';

/** Body of POST /api/v1/releases: a release in planning, bundling existing changes. */
export class PlanReleaseRequest {
  @NonEmptyText(200)
  name!: string;

  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(UUID_PATTERN, { each: true, message: 'each of changeIds must be the id of a change' })
  changeIds!: string[];
}

/** Body of POST /api/v1/releases/:id/changes (one more change for the release) and …/changes/removal (one change fewer), while planning or building. */
export class BundleChangeRequest extends ChangeCommandRequest {
  @Matches(UUID_PATTERN, { message: 'changeId must be the id of a change' })
  changeId!: string;
}

/** Body of POST /api/v1/releases/:id/advance: to the next stage; closing (out of review) needs the review's `summary`. */
export class AdvanceReleaseRequest extends ChangeCommandRequest {
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  summary?: string;
}

/** Body of POST /api/v1/releases/:id/deployments: one deployment and its outcome, during the deployment stage. */
export class RecordDeploymentRequest extends ChangeCommandRequest {
  @NonEmptyText(100)
  environment!: string;

  @IsIn(DEPLOYMENT_OUTCOMES)
  outcome!: DeploymentOutcome;

  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  notes?: string;
}
