import { defineMessage } from '../../../messages/message-definition';
import { IncidentFactFieldsV1 } from '../incident-fact-fields.v1';

/** Event: the first response to the caller's report (started, held, resolved, commented or assigned to a person by someone else); once per incident. */
export class IncidentRespondedV1 extends IncidentFactFieldsV1 {}

export const INCIDENT_RESPONDED_V1 = defineMessage({
  type: 'itsm.operation.incident.responded.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentRespondedV1,
  summary: 'The first response to the caller\'s report (started, held, resolved, commented or assigned to a person by someone else); once per incident.',
});
