import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../http/page.query';
import { NonEmptyText } from '../../validation/non-empty-text';
import { QueryInteger } from '../../validation/query-integer';
import { PRIORITY_LEVELS, Priority } from '../messages/incident-vocabulary';
import { PROBLEM_LIMITS, PROBLEM_STATES, ProblemState } from '../messages/problem-vocabulary';

/** Query string of GET /api/v1/problems, newest first (cursor: the id). */
export class ListProblemsQuery extends PageQuery {
  @IsOptional()
  @IsIn(PROBLEM_STATES)
  state?: ProblemState;

  @IsOptional()
  @QueryInteger()
  @IsIn(PRIORITY_LEVELS)
  priority?: Priority;

  @IsOptional()
  @NonEmptyText(PROBLEM_LIMITS.referenceMaxLength)
  serviceId?: string;

  /** Only problems naming this configuration item (its id or its external id). */
  @IsOptional()
  @NonEmptyText(PROBLEM_LIMITS.referenceMaxLength)
  configurationItemId?: string;
}
