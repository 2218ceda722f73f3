import { IsIn, IsInt, IsISO8601, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { PRIORITY_LEVELS, Priority } from '../incident-vocabulary';
import { ProblemReportFieldsV1 } from '../problem-fields.v1';
import { PROBLEM_LIMITS, PROBLEM_STATES, ProblemState } from '../problem-vocabulary';

/** Event: a problem was reported (version 1, New); carries the whole report with its number and derived priority. */
export class ProblemCreatedV1 extends ProblemReportFieldsV1 {
  @Matches(UUID_PATTERN)
  problemId!: string;

  @Matches(/^PRB[0-9]{7,}$/)
  number!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  at!: string;

  @NonEmptyText(PROBLEM_LIMITS.referenceMaxLength)
  by!: string;

  @IsIn(PRIORITY_LEVELS)
  priority!: Priority;

  @IsIn(PROBLEM_STATES)
  state!: ProblemState;
}

export const PROBLEM_CREATED_V1 = defineMessage({
  type: 'itsm.operation.problem.created.v1',
  kind: 'event',
  recordType: 'problem',
  payload: ProblemCreatedV1,
  summary: 'A problem was reported (New), with its number and derived priority.',
});
