import { CALENDAR_CHANGED_V1 } from './design/calendar-changed.v1/calendar-changed.v1';
import { SLA_DEFINED_V1 } from './design/sla-defined.v1/sla-defined.v1';
import { MessageDefinition } from './message-definition';
import { INCIDENT_CREATED_V1 } from './operation/incident-created.v1/incident-created.v1';
import { REGISTER_INCIDENT_V1 } from './operation/register-incident.v1/register-incident.v1';

/** Every message type the platform sends. docs/EVENTS.md documents the same list for outside subscribers. */
export const MESSAGE_CATALOG: readonly MessageDefinition[] = [REGISTER_INCIDENT_V1, INCIDENT_CREATED_V1, CALENDAR_CHANGED_V1, SLA_DEFINED_V1];

const byType = new Map(MESSAGE_CATALOG.map((definition) => [definition.type, definition]));

export function findMessageDefinition(type: string): MessageDefinition | undefined {
  return byType.get(type);
}
