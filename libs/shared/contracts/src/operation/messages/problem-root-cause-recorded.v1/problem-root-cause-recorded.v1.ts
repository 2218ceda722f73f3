import { defineMessage } from '../../../messages/message-definition';
import { ProblemStateMoveFieldsV1, WithRootCauseAnalysis } from '../problem-fields.v1';

/** Event: the problem's root-cause analysis was recorded (Root cause known) or revised: `method`, `rootCause`, `contributingFactors`. */
export class ProblemRootCauseRecordedV1 extends WithRootCauseAnalysis(ProblemStateMoveFieldsV1) {}

export const PROBLEM_ROOT_CAUSE_RECORDED_V1 = defineMessage({
  type: 'itsm.operation.problem.root-cause-recorded.v1',
  kind: 'event',
  recordType: 'problem',
  payload: ProblemRootCauseRecordedV1,
  summary: "The problem's root-cause analysis (method, root cause, contributing factors) was recorded or revised.",
});
