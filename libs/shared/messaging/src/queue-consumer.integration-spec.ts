import { DEAD_LETTER_REASON_HEADER, ITSM_COMMANDS_EXCHANGE, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { INCIDENT_CREATED_V1, IncidentCreatedV1 } from '@itsm/contracts/operation';
import { deleteQueues, eventually, testServers } from '@itsm/testing';
import { Channel, ChannelModel, GetMessage, connect } from 'amqplib';
import { AmqpConnection } from './amqp-connection';
import { MessagePublisher } from './message-publisher';
import { PermanentMessageError, UnroutableMessageError } from './messaging-errors';
import { ReceivedMessage, consumeQueue } from './queue-consumer';
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

  beforeAll(async () => {
    connection = await AmqpConnection.open({ url: amqpUrl, name: 'consumer-test' });
    publisher = await MessagePublisher.attach(connection, [spec]);
    await consumeQueue(connection, {
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
    await deleteQueues(amqpUrl, [spec.name, spec.parkingQueue]);
  });

  beforeEach(() => {
    handled.length = 0;
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
    const messages = await eventually(parked, (found) => found.length === 2, { what: 'two parked messages' });
    const reasons = messages.map((message) => String(message.properties.headers?.[DEAD_LETTER_REASON_HEADER]));
    expect(reasons).toEqual(expect.arrayContaining(['body is not valid JSON', 'unknown message type itsm.test.unknown.thing.v1']));
    expect(handled).toHaveLength(0);
  });

  it('parks an event whose text cannot be stored at once, naming the field, without calling the handler', async () => {
    await send(event('VPN\u0000down'));
    const [message] = await eventually(parked, (found) => found.length === 1, { what: 'the parked message' });
    expect(String(message?.properties.headers?.[DEAD_LETTER_REASON_HEADER])).toContain('data.title must not contain control characters');
    expect(handled).toHaveLength(0);
  });

  it('parks at once when the handler says the message can never succeed', async () => {
    behaviour = async () => {
      throw new PermanentMessageError('refers to an unknown service');
    };
    await send(event('permanent'));
    const [message] = await eventually(parked, (found) => found.length === 1, { what: 'the parked message' });
    expect(message?.properties.headers?.[DEAD_LETTER_REASON_HEADER]).toBe('refers to an unknown service');
    expect(handled).toHaveLength(1);
  });

  it('retries a failing handler and parks the message once the delivery limit is reached', async () => {
    behaviour = async () => {
      throw new Error('database unavailable');
    };
    await send(event('poison'));
    const [message] = await eventually(parked, (found) => found.length === 1, { what: 'the poison message to be parked' });
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
});
