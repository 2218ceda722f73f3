import { outboxRelayProvider } from '@itsm/persistence';
import { IncidentRecord } from '../persistence/incident.schema';

export const INCIDENT_OUTBOX_RELAY = Symbol('INCIDENT_OUTBOX_RELAY');

/** Publishes incidents' outboxes to itsm.events. */
export const incidentOutboxRelayProvider = outboxRelayProvider(INCIDENT_OUTBOX_RELAY, IncidentRecord.name);
