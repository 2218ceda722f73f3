import { MessagePublisher } from '@itsm/messaging';
import { Provider } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { OutboxDocument, OutboxRelay } from './outbox-relay';
import { OUTBOX_LEASE_MS } from './outbox.schema';

/**
 * A Nest provider of the relay for one aggregate collection, publishing to
 * itsm.events; it starts and stops with the app.
 */
export function outboxRelayProvider(token: symbol, modelName: string, leaseMs: number = OUTBOX_LEASE_MS): Provider {
  return {
    provide: token,
    inject: [getModelToken(modelName), MessagePublisher],
    // The relay works on the driver collection: it needs no mongoose casting, only the outbox fields.
    useFactory: (model: Model<unknown>, publisher: MessagePublisher) =>
      new OutboxRelay(model.collection as unknown as mongo.Collection<OutboxDocument>, publisher, { leaseMs, sweepIntervalMs: 5_000, batchSize: 100 }),
  };
}
