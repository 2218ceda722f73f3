import { MessagePublisher } from '@itsm/messaging';
import { OutboxDocument, OutboxRelay } from '@itsm/persistence';
import { Provider } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { OUTBOX_LEASE_MS } from '../persistence/incident.repository';
import { IncidentDocument, IncidentRecord } from '../persistence/incident.schema';

export const INCIDENT_OUTBOX_RELAY = Symbol('INCIDENT_OUTBOX_RELAY');

/** Publishes incidents' outboxes to itsm.events; started and stopped with the app. */
export const incidentOutboxRelayProvider: Provider = {
  provide: INCIDENT_OUTBOX_RELAY,
  inject: [getModelToken(IncidentRecord.name), MessagePublisher],
  useFactory: (incidents: Model<IncidentDocument>, publisher: MessagePublisher) =>
    new OutboxRelay(incidents.collection as unknown as mongo.Collection<OutboxDocument>, publisher, { leaseMs: OUTBOX_LEASE_MS, sweepIntervalMs: 5_000, batchSize: 100 }),
};
