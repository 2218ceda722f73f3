import { IsIn } from 'class-validator';
import { defineMessage } from '../../../messages/message-definition';
import { PRIORITY_LEVELS, Priority } from '../incident-vocabulary';
import { ProblemFactFieldsV1, WithProblemReport } from '../problem-fields.v1';
import { PROBLEM_STATES, ProblemState } from '../problem-vocabulary';

/** Event: a problem was reported (version 1, New); carries the whole report with its number and derived priority. */
export class ProblemCreatedV1 extends WithProblemReport(ProblemFactFieldsV1) {
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
