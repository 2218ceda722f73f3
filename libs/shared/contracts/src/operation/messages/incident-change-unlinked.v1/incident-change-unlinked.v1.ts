import { defineMessage } from '../../../messages/message-definition';
import { IncidentChangeCauseV1 } from '../incident-change-linked.v1/incident-change-linked.v1';

export const INCIDENT_CHANGE_UNLINKED_V1 = defineMessage({
  type: 'itsm.operation.incident.change-unlinked.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentChangeCauseV1,
  summary: 'The change recorded as the cause of the incident was cleared (it no longer counts as caused by a change).',
});
