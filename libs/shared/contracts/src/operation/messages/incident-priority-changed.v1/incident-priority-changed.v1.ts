import { defineMessage } from '../../../messages/message-definition';
import { IncidentFactFieldsV1, IncidentPriorityFieldsV1, PriorityFieldsProperty } from '../incident-fact-fields.v1';

/** Event: impact or urgency changed and the priority was derived again (the work note saying why follows as `commented`). */
export class IncidentPriorityChangedV1 extends IncidentFactFieldsV1 {
  @PriorityFieldsProperty()
  before!: IncidentPriorityFieldsV1;

  @PriorityFieldsProperty()
  after!: IncidentPriorityFieldsV1;
}

export const INCIDENT_PRIORITY_CHANGED_V1 = defineMessage({
  type: 'itsm.operation.incident.priority-changed.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentPriorityChangedV1,
  summary: 'Impact or urgency changed and the priority was derived again (the work note saying why follows as `commented`).',
});
