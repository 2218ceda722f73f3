import { IsIn } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { PRIORITY_LEVELS, Priority } from '../incident-vocabulary';
import { ProblemFactFieldsV1, WithProblemReport } from '../problem-fields.v1';

/** Event: the problem's report fields were revised; carries all of them as they now are, with the priority derived again. */
export class ProblemRevisedV1 extends WithProblemReport(ProblemFactFieldsV1) {
  @IsIn(PRIORITY_LEVELS)
  priority!: Priority;
}

export const PROBLEM_REVISED_V1 = defineMessage({
  type: 'itsm.operation.problem.revised.v1',
  kind: 'event',
  recordType: 'problem',
  payload: ProblemRevisedV1,
  summary: "The problem's title, description, service, configuration items, impact and urgency (priority derived again) or resolveLinkedIncidents were revised.",
});
