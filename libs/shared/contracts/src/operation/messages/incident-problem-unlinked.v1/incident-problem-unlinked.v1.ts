import { defineMessage } from '../../../messages/message-definition';
import { IncidentProblemLinkV1 } from '../incident-problem-linked.v1/incident-problem-linked.v1';

export const INCIDENT_PROBLEM_UNLINKED_V1 = defineMessage({
  type: 'itsm.operation.incident.problem-unlinked.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentProblemLinkV1,
  summary: 'The incident was unlinked from its problem.',
});
