import { defineMessage } from '../../../messages/message-definition';
import { IncidentChildFieldsV1 } from '../incident-child-linked.v1/incident-child-linked.v1';

/** Event: on a parent incident, recorded by the operation service: a child left it (unlinked, or moved to another parent). */
export class IncidentChildUnlinkedV1 extends IncidentChildFieldsV1 {}

export const INCIDENT_CHILD_UNLINKED_V1 = defineMessage({
  type: 'itsm.operation.incident.child-unlinked.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentChildUnlinkedV1,
  summary: 'On a parent incident: a child left it (unlinked, or moved to another parent).',
});
