import { IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../../http/page.query';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { PROBLEM_LIMITS } from '../messages/problem-vocabulary';

/**
 * Query string of GET /api/v1/known-errors: every criterion given must hold, newest first (cursor: the id).
 * `words` finds known errors whose title, symptom, root cause, workaround or fix hold every word (case and
 * accents ignored, at most PROBLEM_LIMITS.maxSearchWords words).
 */
export class SearchKnownErrorsQuery extends PageQuery {
  @IsOptional()
  @NonEmptyText(500)
  words?: string;

  @IsOptional()
  @NonEmptyText(PROBLEM_LIMITS.referenceMaxLength)
  serviceId?: string;

  /** Only known errors naming this configuration item (its id or its external id). */
  @IsOptional()
  @NonEmptyText(PROBLEM_LIMITS.referenceMaxLength)
  configurationItemId?: string;

  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'problemId must be the id of a problem' })
  problemId?: string;
}
