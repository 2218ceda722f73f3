import { DEAD_LETTER_REASON_HEADER, ITSM_COMMANDS_EXCHANGE, createCloudEvent, parkingMonitorQueue, uuidV7 } from '@itsm/contracts';
import { INCIDENT_CREATED_V1, IncidentCreatedV1 } from '@itsm/contracts/operation';
import { consumerCancellations, messagesParked } from '@itsm/metrics';
import { deleteQueues, eventually, queueDepth, testServers } from '@itsm/testing';
import { Channel, ChannelModel, GetMessage, connect } from 'amqplib';
import { AmqpConnection } from './amqp-connection';
import { MessagePublisher } from './message-publisher';
import { PermanentMessageError, UnroutableMessageError } from './messaging-errors';
import { ParkedMessage, monitorParking } from './parking-monitor';
import { ReceivedMessage, consumeQueue } from './queue-consumer';
import { QueueConsumer } from './queue-subscription';
import { QueueSpec } from './topology';

/** Integration: consumer and publisher against the real RabbitMQ. */
describe('consumeQueue and MessagePublisher (real RabbitMQ)', () => {
  const { amqpUrl } = testServers();
  const suffix = uuidV7().slice(-12);
  const spec: QueueSpec = {
    name: `itsm.test-${suffix}.work`,
    deadLetterExchange: `itsm.test-${suffix}.dlx`,
    parkingQueue: `itsm.test-${suffix}.parking`,
    bindings: [{ exchange: ITSM_COMMANDS_EXCHANGE, pattern: `test.${suffix}` }],
    deliveryLimit: 3,
  };
  let connection: AmqpConnection;
  let publisher: MessagePublisher;
  let inspector: ChannelModel;
  let channel: Channel;
  let behaviour: (message: ReceivedMessage) => Promise<void>;
  const handled: ReceivedMessage[] = [];
  let consumer: QueueConsumer;
  /** What the parking monitor reported, in order. */
  const reported: ParkedMessage[] = [];
  const parkedCount = async (cause: string): Promise<number> =>
    (await messagesParked.get()).values.find((value) => value.labels.queue === spec.name && value.labels.cause === cause)?.value ?? 0;

  const event = (title: string) =>
    createCloudEvent(INCIDENT_CREATED_V1, 'subject', {
      incidentId: uuidV7(),
      number: 'INC0000001',
      title,
      callerId: 'caller-1',
      impact: 1,
      urgency: 1,
      priority: 1,
      state: 'new',
      reportedAt: new Date().toISOString(),
      createdAt: new Date().toISOString(),
    } satisfies IncidentCreatedV1, { service: 'test' });
  const send = (body: object | Buffer) =>
    publisher.publishRaw(ITSM_COMMANDS_EXCHANGE, `test.${suffix}`, Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body)), {});
  const parked = async (): Promise<GetMessage[]> => {
    const messages: GetMessage[] = [];
    for (;;) {
      const message = await channel.get(spec.parkingQueue, { noAck: true });
      if (!message) return messages;
      messages.push(message);
    }
  };
  /** What was parked since this was called: every read drains the queue, so the reads add up (two messages may park apart). */
  const parkedSoFar = () => {
    const seen: GetMessage[] = [];
    return async (): Promise<GetMessage[]> => {
      seen.push(...(await parked()));
      return seen;
    };
  };

  beforeAll(async () => {
    connection = await AmqpConnection.open({ url: amqpUrl, name: 'consumer-test' });
    publisher = await MessagePublisher.attach(connection, [spec]);
    await monitorParking(connection, { queue: spec, onParked: async (parked) => void reported.push(parked), retryBaseDelayMs: 10 });
    consumer = await consumeQueue(connection, {
      queue: spec,
      prefetch: 5,
      retryBaseDelayMs: 10,
      handle: async (message) => {
        handled.push(message);
        await behaviour(message);
      },
    });
    inspector = await connect(amqpUrl);
    channel = await inspector.createChannel();
  });

  afterAll(async () => {
    await connection.close();
    await inspector.close();
    await deleteQueues(amqpUrl, [spec.name, spec.parkingQueue, parkingMonitorQueue(spec.parkingQueue)]);
  });

  beforeEach(() => {
    handled.length = 0;
    reported.length = 0;
    behaviour = async () => undefined;
  });

  it('hands a valid event to the handler and acks it', async () => {
    const sent = event('ok');
    await send(sent);
    await eventually(async () => handled.length, (count) => count === 1, { what: 'the handler to run' });
    expect(handled[0]?.event.id).toBe(sent.id);
    await eventually(async () => (await channel.checkQueue(spec.name)).messageCount, (count) => count === 0);
    expect(await parked()).toHaveLength(0);
  });

  it('parks a body that is not a valid event, with the reason, without calling the handler', async () => {
    await send(Buffer.from('not json at all'));
    await send({ ...event('bad'), type: 'itsm.test.unknown.thing.v1' });
    const messages = await eventually(parkedSoFar(), (found) => found.length === 2, { what: 'two parked messages' });
    const reasons = messages.map((message) => String(message.properties.headers?.[DEAD_LETTER_REASON_HEADER]));
    expect(reasons).toEqual(expect.arrayContaining(['body is not valid JSON', 'unknown message type itsm.test.unknown.thing.v1']));
    expect(handled).toHaveLength(0);
  });

  it('parks an event whose text cannot be stored at once, naming the field, without calling the handler', async () => {
    await send(event('VPN\u0000down'));
    const [message] = await eventually(parkedSoFar(), (found) => found.length === 1, { what: 'the parked message' });
    expect(String(message?.properties.headers?.[DEAD_LETTER_REASON_HEADER])).toContain('data.title must not contain control characters');
    expect(handled).toHaveLength(0);
  });

  it('parks at once when the handler says the message can never succeed', async () => {
    behaviour = async () => {
      throw new PermanentMessageError('refers to an unknown service');
    };
    await send(event('permanent'));
    const [message] = await eventually(parkedSoFar(), (found) => found.length === 1, { what: 'the parked message' });
    expect(message?.properties.headers?.[DEAD_LETTER_REASON_HEADER]).toBe('refers to an unknown service');
    expect(handled).toHaveLength(1);
  });

  it('retries a failing handler and parks the message once the delivery limit is reached', async () => {
    behaviour = async () => {
      throw new Error('database unavailable');
    };
    await send(event('poison'));
    const [message] = await eventually(parkedSoFar(), (found) => found.length === 1, { what: 'the poison message to be parked' });
    expect(handled.length).toBeGreaterThan(1);
    expect(handled.length).toBeLessThanOrEqual(spec.deliveryLimit + 1);
    const deaths = message?.properties.headers?.['x-death'] as Array<{ reason: string }> | undefined;
    expect(deaths?.[0]?.reason).toBe('delivery_limit');
  });

  it('fails a mandatory publish that no queue receives', async () => {
    const orphan = event('orphan');
    await expect(publisher.publish(orphan, { exchange: ITSM_COMMANDS_EXCHANGE, routingKey: `nobody.${suffix}`, mandatory: true })).rejects.toBeInstanceOf(
      UnroutableMessageError,
    );
  });

  it('reports every parked message once, whoever parked it, with its cause, reason, detail and correlation id, and counts it', async () => {
    const counted = { invalid: await parkedCount('invalid'), rejected: await parkedCount('rejected'), limit: await parkedCount('delivery-limit') };
    const notJsonId = `not-json-${uuidV7()}`;
    const rejected = event('rejected');
    const poison = event('poison');
    const ours = () => reported.filter((parked) => [notJsonId, rejected.id, poison.id].includes(parked.messageId ?? ''));
    behaviour = async (message) => {
      if (message.event.id === rejected.id) throw new PermanentMessageError('refers to an unknown service');
      throw new Error('database unavailable at db-1.internal');
    };
    await publisher.publishRaw(ITSM_COMMANDS_EXCHANGE, `test.${suffix}`, Buffer.from('not json at all'), { messageId: notJsonId });
    await send(rejected);
    await send(poison);
    await eventually(async () => ours().length, (count) => count === 3, { what: 'three parked messages reported', timeoutMs: 30_000 });
    expect(ours().find((parked) => parked.messageId === notJsonId)).toMatchObject({
      queue: spec.name,
      type: 'unknown',
      cause: 'invalid',
      reason: 'body is not valid JSON',
      detail: 'body is not valid JSON',
    });
    expect(ours().find((parked) => parked.messageId === rejected.id)).toMatchObject({
      queue: spec.name,
      type: INCIDENT_CREATED_V1.type,
      cause: 'rejected',
      reason: 'refers to an unknown service',
      detail: 'refers to an unknown service',
      correlationId: rejected.correlationid,
      subject: 'subject',
    });
    // Parked by the broker at the delivery limit: no consumer saw its last failure, the monitor still does.
    const limited = ours().find((parked) => parked.messageId === poison.id);
    expect(limited).toMatchObject({ queue: spec.name, cause: 'delivery-limit', correlationId: poison.correlationid, detail: 'processing it failed on every attempt' });
    expect(limited?.reason).not.toContain('db-1.internal');
    expect(await parkedCount('invalid')).toBeGreaterThanOrEqual(counted.invalid + 1);
    expect(await parkedCount('rejected')).toBeGreaterThanOrEqual(counted.rejected + 1);
    expect(await parkedCount('delivery-limit')).toBeGreaterThanOrEqual(counted.limit + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ours()).toHaveLength(3);
  });

  it('keeps consuming when the broker cancels it: its queue deleted under it, the next message is handled', async () => {
    const cancellations = async () => (await consumerCancellations.get()).values.find((value) => value.labels.queue === spec.name)?.value ?? 0;
    const before = await cancellations();
    expect(consumer.isConsuming).toBe(true);
    await channel.deleteQueue(spec.name);
    // Declared again, with its binding, and consumed again: a message published now reaches the handler.
    await eventually(() => queueDepth(amqpUrl, spec.name), (depth) => depth.consumers === 1, { what: 'the consumer to subscribe again' });
    expect(consumer.isConsuming).toBe(true);
    const sent = event('after the queue was deleted');
    await send(sent);
    await eventually(async () => handled.map((message) => message.event.id), (ids) => ids.includes(sent.id), { what: 'the handler to run' });
    expect(await cancellations()).toBe(before + 1);
  });

  it('says it is not consuming while it cannot subscribe again, and consumes once it can', async () => {
    await channel.deleteQueue(spec.name);
    // A queue of the same name with other arguments: the consumer's declaration is refused until it goes.
    await channel.assertQueue(spec.name, { durable: false });
    await eventually(async () => consumer.isConsuming, (consuming) => !consuming, { what: 'the consumer to say it is not consuming' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(consumer.isConsuming).toBe(false);
    await channel.deleteQueue(spec.name);
    await eventually(async () => consumer.isConsuming, (consuming) => consuming, { what: 'the consumer to consume again', timeoutMs: 60_000 });
    const sent = event('after the conflict was cleared');
    await send(sent);
    await eventually(async () => handled.map((message) => message.event.id), (ids) => ids.includes(sent.id), { what: 'the handler to run' });
  });
});
