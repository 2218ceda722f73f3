import { CloudEvent, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { CALENDAR_CHANGED_V1 } from '@itsm/contracts/design';
import { AmqpConnection, MessagePublisher } from '@itsm/messaging';
import { AROUND_THE_CLOCK, EventTap, eventually, testServers, uniqueDatabaseName } from '@itsm/testing';
import { mongo } from 'mongoose';
import { OutboxDocument } from './outbox-relay';
import { OutboxModule, OutboxRelays } from './outbox-relays';
import { newOutbox } from './outbox.schema';

/** Integration: the process's relays over an app's life, against the real MongoDB-wire server and RabbitMQ. */
describe('OutboxRelays (real database and broker)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('relays');
  let client: mongo.MongoClient;
  let amqp: AmqpConnection;
  let publisher: MessagePublisher;
  let tap: EventTap;

  const changed = (): CloudEvent => {
    const id = uuidV7();
    return createCloudEvent(CALENDAR_CHANGED_V1, id, { calendarId: id, version: 1, name: 'relays', definition: AROUND_THE_CLOCK }, { service: 'test' });
  };
  const collection = (name: string) => client.db(dbName).collection<OutboxDocument>(name);
  const sent = (name: string, id: string) =>
    eventually(() => collection(name).findOne({ _id: id }), (found) => found?.outboxPending === false, { what: `the outbox of ${id} to be marked sent` });

  beforeAll(async () => {
    client = await mongo.MongoClient.connect(mongoUrl);
    amqp = await AmqpConnection.open({ url: amqpUrl, name: 'outbox-relays-test' });
    publisher = await MessagePublisher.attach(amqp);
    tap = await EventTap.open(amqpUrl, 'itsm.design.calendar.#');
  });

  afterAll(async () => {
    await tap.close();
    await amqp.close();
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('sweeps a collection whose first writer is made after start-up, and only once per collection', async () => {
    const relays = new OutboxRelays(publisher, { leaseMs: 30_000, sweepIntervalMs: 100, batchSize: 10 });
    relays.onApplicationBootstrap();
    // What a crashed process left: written, never published, its lease long gone.
    const event = changed();
    await collection('late').insertOne({ _id: event.subject, ...newOutbox([event], 30_000, new Date(Date.now() - 60_000)) });
    const relay = relays.relayFor(collection('late'));
    expect(relays.relayFor(collection('late'))).toBe(relay);
    await tap.waitFor((message) => message.body.id === event.id);
    await sent('late', event.subject);
    await relays.beforeApplicationShutdown();
    await relays.onApplicationShutdown();
  });

  it('still publishes what a write hands over while the app shuts down, before the connection closes', async () => {
    // No sweep within the test: only the hand-over and the final drain can publish.
    const relays = new OutboxRelays(publisher, { leaseMs: 3_600_000, sweepIntervalMs: 3_600_000, batchSize: 10 });
    relays.onApplicationBootstrap();
    const relay = relays.relayFor(collection('draining'));
    await relays.beforeApplicationShutdown();
    // A request the HTTP server was still finishing writes after the first drain.
    const event = changed();
    const document = { _id: event.subject, ...newOutbox([event], 3_600_000) };
    await collection('draining').insertOne(document);
    relay.publishSoon(document);
    await relays.onApplicationShutdown();
    const stored = await collection('draining').findOne({ _id: event.subject });
    expect(stored?.outboxPending).toBe(false);
    await tap.waitFor((message) => message.body.id === event.id);
  });

  it('gives a process one set of relays: a second OutboxModule import is the same module, other options are refused', () => {
    const first = OutboxModule.forRoot();
    expect(OutboxModule.forRoot()).toBe(first);
    expect(() => OutboxModule.forRoot({ sweepIntervalMs: 1 })).toThrow(/twice with different options/);
  });
});
