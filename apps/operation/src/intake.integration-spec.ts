import { CloudEvent, INCIDENT_INTAKE_QUEUE, ITSM_COMMANDS_EXCHANGE, Principal } from '@itsm/contracts';
import { INCIDENT_CREATED_V1, RegisterIncidentV1 } from '@itsm/contracts/operation';
import { AmqpConnection, MessagePublisher, consumeQueue, incidentIntakeQueueSpec } from '@itsm/messaging';
import { RegisterIncident } from '@itsm/operation/incidents';
import { EventTap, deleteQueues, eventually, operationTestEnv, queueDepth, registerIncidentCommand, testServers, uniqueDatabaseName } from '@itsm/testing';
import { loadConfig } from '@itsm/config';
import { INestApplication } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect } from 'amqplib';
import mongoose from 'mongoose';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

/** Integration: competing intake consumers and crash recovery against the real broker and database. */
describe('operation intake (real servers)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('intake');
  const config = loadConfig(OperationConfig, operationTestEnv(dbName, { ITSM_OPERATION_ROLES: 'intake', ITSM_INTAKE_PREFETCH: '20' }));
  const caller: Principal = { userId: 'caller-1', roles: ['requester'], groups: [] };
  const apps: INestApplication[] = [];
  let db: mongoose.Connection;
  let amqp: AmqpConnection;
  let publisher: MessagePublisher;
  let tap: EventTap;

  /** An intake instance; `listening: false` wires it without consuming (to borrow its use case). */
  const startIntake = async (listening = true) => {
    const app = await createOperationApp(config);
    apps.push(app);
    if (listening) await app.startAllMicroservices();
    await app.init();
    return app;
  };
  const command = (title: string): CloudEvent<RegisterIncidentV1> => registerIncidentCommand(caller, title, { urgency: 3 });
  const send = (message: CloudEvent) => publisher.publish(message, { exchange: ITSM_COMMANDS_EXCHANGE, mandatory: true });
  const incidents = () => db.collection('incidents');
  const publishedFor = (sent: CloudEvent<RegisterIncidentV1>) => tap.messages.filter((message) => message.body.subject === sent.data.incidentId);
  const drained = () => eventually(() => queueDepth(amqpUrl, INCIDENT_INTAKE_QUEUE), (depth) => depth.messages === 0, { what: 'the intake queue to drain' });

  beforeAll(async () => {
    await deleteQueues(amqpUrl, [INCIDENT_INTAKE_QUEUE]);
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    amqp = await AmqpConnection.open({ url: amqpUrl, name: 'intake-test' });
    publisher = await MessagePublisher.attach(amqp, [incidentIntakeQueueSpec()]);
    tap = await EventTap.open(amqpUrl, 'itsm.operation.#');
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await incidents().deleteMany({});
  });

  afterAll(async () => {
    await tap.close();
    await amqp.close();
    await db.dropDatabase();
    await db.close();
  });

  it('two competing consumers record 1,000 incidents exactly once, even with duplicate deliveries', async () => {
    await startIntake();
    await startIntake();
    expect((await queueDepth(amqpUrl, INCIDENT_INTAKE_QUEUE)).consumers).toBe(2);

    const commands = Array.from({ length: 1000 }, (_, index) => command(`bulk ${index}`));
    const duplicates = commands.slice(0, 100);
    for (let start = 0; start < commands.length; start += 100) {
      await Promise.all(commands.slice(start, start + 100).map(send));
    }
    await Promise.all(duplicates.map(send));

    await eventually(() => incidents().countDocuments(), (count) => count >= 1000, { timeoutMs: 60_000, what: '1,000 incidents' });
    await drained();
    expect(await incidents().countDocuments()).toBe(1000);
    expect(await incidents().distinct('number')).toHaveLength(1000);
    const sample = await incidents().findOne({ _id: commands[7]?.data.incidentId as never });
    expect(sample).toMatchObject({ title: 'bulk 7', impact: 2, urgency: 3, priority: 4, state: 'new' });
  });

  it('an incident stored by a consumer that died before acking exists exactly once after redelivery', async () => {
    const borrowed = await startIntake(false);
    const registerIncident = borrowed.get(RegisterIncident);
    const dying = await AmqpConnection.open({ url: amqpUrl, name: 'dying-consumer' });
    const sent = command('stored but never acked');
    let stored = false;
    await consumeQueue(dying, {
      queue: incidentIntakeQueueSpec(),
      prefetch: 1,
      handle: async (message) => {
        await registerIncident.execute(message.event as CloudEvent<RegisterIncidentV1>);
        if (message.event.id !== sent.id) return; // a straggler of the previous test: handle it normally
        stored = true;
        await dying.close(); // the process dies here: stored, never acked
        throw new Error('consumer died');
      },
    });

    await send(sent);
    await eventually(async () => stored, (done) => done, { what: 'the dying consumer to store the incident' });
    expect(await incidents().countDocuments({ _id: sent.data.incidentId as never })).toBe(1);

    await startIntake(); // a healthy instance gets the redelivery
    await drained();
    await eventually(() => queueDepth(amqpUrl, INCIDENT_INTAKE_QUEUE), (depth) => depth.messages === 0);
    expect(await incidents().countDocuments({ _id: sent.data.incidentId as never })).toBe(1);

    const created = await tap.waitFor((message) => message.body.subject === sent.data.incidentId);
    expect(created.body.type).toBe(INCIDENT_CREATED_V1.type);
    expect(created.body.causationid).toBe(sent.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Published by the dying consumer and again for the redelivery (the command is the outbox): one event, one id.
    expect(new Set(publishedFor(sent).map((message) => message.body.id))).toEqual(new Set([created.body.id]));
  });

  it('a publish that fails after the insert gets the command redelivered, and created goes out with the id stored with the incident', async () => {
    const app = await startIntake();
    const appPublisher = app.get(MessagePublisher);
    const publish = appPublisher.publish.bind(appPublisher);
    const sent = command('stored, then the broker lost the event');
    let failed = 0;
    jest.spyOn(appPublisher, 'publish').mockImplementation(async (event, target) => {
      if (event.subject === sent.data.incidentId && failed === 0) {
        failed += 1;
        throw new Error('channel closed before the confirm'); // retryable: the command goes back to the queue
      }
      return publish(event, target);
    });

    await send(sent);
    const created = await tap.waitFor((message) => message.body.subject === sent.data.incidentId && message.body.type === INCIDENT_CREATED_V1.type);
    await drained();
    expect(failed).toBe(1);
    const stored = await incidents().findOne({ _id: sent.data.incidentId as never });
    expect(stored).toMatchObject({ outbox: [], outboxPending: false, intakeMessageId: sent.id });
    expect((stored?.intakeEvents as CloudEvent[]).map((event) => event.id)).toEqual([created.body.id]);
    expect(await incidents().countDocuments({ intakeMessageId: sent.id })).toBe(1);
    expect(publishedFor(sent).map((message) => message.body.id)).toEqual([created.body.id]);
  });

  it('a command redelivered after everything succeeded stores nothing twice and publishes created again with the same id', async () => {
    const app = await startIntake();
    const sent = command('delivered twice');
    await send(sent);
    const first = await tap.waitFor((message) => message.body.subject === sent.data.incidentId);
    await drained();

    await send(sent);
    await eventually(async () => publishedFor(sent).length, (count) => count >= 2, { what: 'the republished created event' });
    await drained();
    const copies = publishedFor(sent);
    expect(copies.map((message) => message.body.id)).toEqual([first.body.id, first.body.id]);
    expect(copies[1]?.body).toEqual(first.body);
    expect(await incidents().countDocuments({ _id: sent.data.incidentId as never })).toBe(1);

    // Another command claiming the same incident id is no redelivery: an error, never a silently dropped report.
    const other = command('another report, the same incident id');
    await expect(app.get(RegisterIncident).execute({ ...other, data: { ...other.data, incidentId: sent.data.incidentId } })).rejects.toMatchObject({ code: 11000 });
  });

  it('is not ready while its intake consumer is not consuming (its queue deleted and held by another), and consumes again once it can', async () => {
    const app = await startIntake();
    const ready = async () => (await (app as NestFastifyApplication).getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/ready' })).statusCode;
    expect(await ready()).toBe(200);
    const admin = await connect(amqpUrl);
    try {
      const channel = await admin.createChannel();
      await channel.deleteQueue(INCIDENT_INTAKE_QUEUE);
      // A queue of the same name with other arguments: the consumer cannot declare it again until it goes.
      await channel.assertQueue(INCIDENT_INTAKE_QUEUE, { durable: false });
      await eventually(ready, (status) => status === 503, { what: 'readiness to say the intake listener is down' });
      await channel.deleteQueue(INCIDENT_INTAKE_QUEUE);
    } finally {
      await admin.close();
    }
    await eventually(ready, (status) => status === 200, { what: 'the intake consumer to consume again', timeoutMs: 60_000 });
    const sent = command('after the intake queue came back');
    await send(sent);
    await eventually(() => incidents().countDocuments({ _id: sent.data.incidentId as never }), (count) => count === 1, { what: 'the incident to be stored' });
  });
});
