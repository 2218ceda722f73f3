import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import {
  DEMAND_OUTCOMES,
  DEMAND_STATES,
  DemandAssessmentFieldsV1,
  DemandAssessmentV1,
  DemandDecisionV1,
  DemandFieldsV1,
  DemandOutcome,
  DemandState,
} from '../messages/demand-fields.v1';

/** A demand as the API shows it, with its assessment and decision once made. */
export type DemandView = DemandFieldsV1 & {
  id: string;
  version: number;
  state: DemandState;
  assessment?: DemandAssessmentV1;
  decision?: DemandDecisionV1;
  createdAt: string;
  updatedAt: string;
};

/** Body of POST /api/v1/demands: a business unit's demand, linked to existing portfolio services. */
export class RecordDemandRequest extends DemandFieldsV1 {}

/** Body of POST /api/v1/demands/:id/assessment; the caller is recorded as assessor. */
export class AssessDemandRequest extends DemandAssessmentFieldsV1 {
  /** Replaces the demand's service links when the assessment finds other services serve it. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @Matches(UUID_PATTERN, { each: true, message: 'each of serviceIds must be the id of a portfolio service' })
  serviceIds?: string[];
}

/** Body of POST /api/v1/demands/:id/decision; the caller is recorded as decider. */
export class DecideDemandRequest {
  @IsIn(DEMAND_OUTCOMES)
  outcome!: DemandOutcome;

  @NonEmptyText(2_000)
  reason!: string;
}

/** Query of GET /api/v1/demands, newest first. */
export class ListDemandsQuery {
  @IsOptional()
  @IsIn(DEMAND_STATES)
  state?: DemandState;

  @IsOptional()
  @NonEmptyText(100)
  businessUnit?: string;

  /** Only demands linked to this portfolio service. */
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'serviceId must be the id of a portfolio service' })
  serviceId?: string;
}
