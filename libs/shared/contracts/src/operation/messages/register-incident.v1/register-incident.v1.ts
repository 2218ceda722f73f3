import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { ActorV1 } from '../../../identity/actor.v1';
import { defineMessage } from '../../../messages/message-definition';
import { IncidentReportFieldsV1 } from '../incident-report-fields.v1';

/** Command: record a reported incident. Sent by the gateway to the intake queue. */
export class RegisterIncidentV1 extends IncidentReportFieldsV1 {
  /** Who reported it, as the gateway verified them. */
  @ValidateNested()
  @Type(() => ActorV1)
  actor!: ActorV1;
}

export const REGISTER_INCIDENT_V1 = defineMessage({
  type: 'itsm.operation.incident.register.v1',
  kind: 'command',
  recordType: 'incident',
  payload: RegisterIncidentV1,
  summary: 'Record a reported incident (sent by the gateway to the operation intake queue).',
});
