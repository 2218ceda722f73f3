import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { ProblemStateMoveFieldsV1 } from '../problem-fields.v1';
import { PROBLEM_LIMITS, ROOT_CAUSE_METHODS, RootCauseMethod } from '../problem-vocabulary';

/** Event: the problem's root-cause analysis was recorded (Root cause known) or revised. */
export class ProblemRootCauseRecordedV1 extends ProblemStateMoveFieldsV1 {
  @IsIn(ROOT_CAUSE_METHODS)
  method!: RootCauseMethod;

  @NonEmptyText(PROBLEM_LIMITS.textMaxLength)
  rootCause!: string;

  @IsArray()
  @ArrayMaxSize(PROBLEM_LIMITS.maxContributingFactors)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(PROBLEM_LIMITS.contributingFactorMaxLength, { each: true })
  contributingFactors!: string[];
}

export const PROBLEM_ROOT_CAUSE_RECORDED_V1 = defineMessage({
  type: 'itsm.operation.problem.root-cause-recorded.v1',
  kind: 'event',
  recordType: 'problem',
  payload: ProblemRootCauseRecordedV1,
  summary: "The problem's root-cause analysis (method, root cause, contributing factors) was recorded or revised.",
});
