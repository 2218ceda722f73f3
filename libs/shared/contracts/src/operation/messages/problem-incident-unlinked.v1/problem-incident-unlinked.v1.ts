import { defineMessage } from '../../../messages/message-definition';
import { ProblemIncidentLinkV1 } from '../problem-incident-linked.v1/problem-incident-linked.v1';

export const PROBLEM_INCIDENT_UNLINKED_V1 = defineMessage({
  type: 'itsm.operation.problem.incident-unlinked.v1',
  kind: 'event',
  recordType: 'problem',
  payload: ProblemIncidentLinkV1,
  summary: 'An incident was unlinked from the problem.',
});
