import { CloudEvent, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { INCIDENT_CREATED_V1, IncidentCreatedV1 } from '@itsm/contracts/operation';
import { AmqpConnection, MessagePublisher } from '@itsm/messaging';
import { EventTap, eventually, testServers, uniqueDatabaseName } from '@itsm/testing';
import mongoose, { mongo } from 'mongoose';
import { OutboxDocument, OutboxEventSink, OutboxRelay } from './outbox-relay';
import { newOutbox } from './outbox.schema';

/** Integration: the outbox relay against the real MongoDB-wire server and RabbitMQ. */
describe('OutboxRelay (real database and broker)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const options = { leaseMs: 300, sweepIntervalMs: 100, batchSize: 50 };
  let db: mongoose.Connection;
  let aggregates: mongo.Collection<OutboxDocument>;
  let amqp: AmqpConnection;
  let publisher: MessagePublisher;
  let tap: EventTap;
  const relays: OutboxRelay[] = [];

  const relay = (sink: OutboxEventSink = publisher) => {
    const created = new OutboxRelay(aggregates, sink, options);
    relays.push(created);
    return created;
  };
  const incidentCreated = (): CloudEvent<IncidentCreatedV1> => {
    const incidentId = uuidV7();
    return createCloudEvent(INCIDENT_CREATED_V1, incidentId, {
      incidentId,
      number: 'INC0000001',
      title: 'outbox test',
      callerId: 'caller-1',
      impact: 3,
      urgency: 3,
      priority: 5,
      state: 'new',
      reportedAt: new Date().toISOString(),
      createdAt: new Date().toISOString(),
    }, { service: 'operation' });
  };
  /** What a writer does: the aggregate and its events in one insert. */
  const write = async (event: CloudEvent): Promise<OutboxDocument> => {
    const document = { _id: event.subject, ...newOutbox([event], options.leaseMs) };
    await aggregates.insertOne(document);
    return document;
  };
  const received = (event: CloudEvent) => tap.waitFor((message) => message.body.id === event.id);
  const stored = (id: string) => aggregates.findOne({ _id: id });

  beforeAll(async () => {
    const dbName = uniqueDatabaseName('outbox');
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    aggregates = db.getClient().db(dbName).collection<OutboxDocument>('aggregates');
    amqp = await AmqpConnection.open({ url: amqpUrl, name: 'outbox-test' });
    publisher = await MessagePublisher.attach(amqp);
    tap = await EventTap.open(amqpUrl, 'itsm.operation.incident.#');
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((created) => created.stop()));
  });

  afterAll(async () => {
    await tap.close();
    await amqp.close();
    await db.dropDatabase();
    await db.close();
  });

  it('publishes what the writer hands over at once, then marks it sent', async () => {
    const event = incidentCreated();
    const written = await write(event);
    const id = written._id;
    relay().publishSoon(written);
    await received(event);
    const document = await eventually(() => stored(id), (found) => found?.outboxPending === false, { what: 'the outbox to be marked sent' });
    expect(document?.outbox).toEqual([]);
  });

  it('after a writer died between its write and the publish, a restarted relay publishes the event', async () => {
    const event = incidentCreated();
    const id = (await write(event))._id; // the writer dies here: nobody calls publishSoon
    expect((await stored(id))?.outboxPending).toBe(true);

    relay().start(); // the restarted process

    const message = await received(event);
    expect(message.body).toMatchObject({ id: event.id, type: INCIDENT_CREATED_V1.type, data: event.data });
    await eventually(() => stored(id), (found) => found?.outboxPending === false, { what: 'the outbox to be marked sent' });
  });

  it('keeps the events when the broker refuses them and publishes them on a later sweep', async () => {
    const event = incidentCreated();
    const written = await write(event);
    const id = written._id;
    const failing = relay({ publish: async () => Promise.reject(new Error('broker down')) });
    failing.publishSoon(written);
    await failing.stop();
    expect(await stored(id)).toMatchObject({ outboxPending: true, outbox: [{ seq: 1, event: { id: event.id } }] });
    expect(tap.messages.some((message) => message.body.id === event.id)).toBe(false);

    relay().start();
    await received(event);
    await eventually(() => stored(id), (found) => found?.outboxPending === false, { what: 'the outbox to be marked sent' });
  });
});
