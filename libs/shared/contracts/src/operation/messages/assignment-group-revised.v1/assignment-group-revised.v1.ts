import { defineMessage } from '../../../messages/message-definition';
import { AssignmentGroupV1 } from '../assignment-group-defined.v1/assignment-group-defined.v1';

/** The same shape as the definition: a subscriber keeps the latest version it saw, whichever event brought it. */
export const ASSIGNMENT_GROUP_REVISED_V1 = defineMessage({
  type: 'itsm.operation.assignment-group.revised.v1',
  kind: 'event',
  recordType: 'assignment-group',
  payload: AssignmentGroupV1,
  summary: 'An assignment group was revised (members, manager, escalation group, active, ...); carries its whole new version.',
});
