import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { DemandAssessmentFieldsV1 } from '../messages/demand-fields.v1';

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
