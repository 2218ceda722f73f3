import { ITSM_COMMANDS_EXCHANGE, parkingMonitorQueue, uuidV7 } from '@itsm/contracts';
import { messagesRefused } from '@itsm/metrics';
import { deleteQueues, queueDepth, testServers } from '@itsm/testing';
import { Channel, ChannelModel, connect } from 'amqplib';
import { AmqpConnection } from './amqp-connection';
import { MessagePublisher } from './message-publisher';
import { BrokerUnavailableError, PublishRefusedError } from './messaging-errors';
import { AddressInfo, createServer } from 'node:net';
import { QueueLengthLimitKeeper, applyQueueLengthLimit, brokerManagement, managementAuthorization, queueLengthPolicyUrl } from './queue-length-limit';
import { QueueSpec, declareQueue } from './topology';

/**
 * Integration: a queue's length limit as a broker policy, against the real RabbitMQ and its management
 * API. The upgrade path: a queue declared before the limit existed gets it without a re-declaration,
 * the limit changes while messages wait, and the declaration stays the same throughout.
 */
describe('queue length limit (real RabbitMQ, management API)', () => {
  const { amqpUrl } = testServers();
  const management = brokerManagement(amqpUrl);
  const suffix = uuidV7().slice(-12);
  const routingKey = `test.${suffix}`;
  const spec: QueueSpec = {
    name: `itsm.test-${suffix}.limited`,
    deadLetterExchange: `itsm.test-${suffix}.dlx`,
    parkingQueue: `itsm.test-${suffix}.parking`,
    bindings: [{ exchange: ITSM_COMMANDS_EXCHANGE, pattern: routingKey }],
    deliveryLimit: 3,
  };
  let connection: AmqpConnection;
  let publisher: MessagePublisher;
  let inspector: ChannelModel;
  let channel: Channel;

  const send = (text: string) =>
    publisher.publishRaw(ITSM_COMMANDS_EXCHANGE, routingKey, Buffer.from(text), { messageId: uuidV7(), type: 'test.limited', mandatory: true });
  /** Publishes `count` messages one after the other; what each came to: 'confirmed' or the error's name. */
  const sendAll = async (count: number): Promise<string[]> => {
    const outcomes: string[] = [];
    for (let index = 0; index < count; index++) {
      outcomes.push(await send(`m${index}`).then(() => 'confirmed', (error: Error) => error.name));
    }
    return outcomes;
  };
  const depth = async () => (await queueDepth(amqpUrl, spec.name)).messages;
  // A type outside the catalogue is counted as `unknown`; this worker publishes no other.
  const refusedCount = async () =>
    (await messagesRefused.get()).values.find((value) => value.labels.exchange === ITSM_COMMANDS_EXCHANGE && value.labels.type === 'unknown')?.value ?? 0;
  const policyStatus = async (method: 'GET' | 'DELETE') =>
    (await fetch(queueLengthPolicyUrl(management, spec.name), { method, headers: { authorization: managementAuthorization(management) } })).status;
  const drain = async (count: number) => {
    for (let index = 0; index < count; index++) expect(await channel.get(spec.name, { noAck: true })).not.toBe(false);
  };

  beforeAll(async () => {
    inspector = await connect(amqpUrl);
    channel = await inspector.createChannel();
    connection = await AmqpConnection.open({ url: amqpUrl, name: 'queue-length-limit-test' });
    // The queue as an installation before the limit has it: declared without any length argument.
    publisher = await MessagePublisher.attach(connection, [spec]);
  });

  afterAll(async () => {
    await policyStatus('DELETE');
    await deleteQueues(amqpUrl, [spec.name, spec.parkingQueue, parkingMonitorQueue(spec.parkingQueue)]);
    await channel.deleteExchange(spec.deadLetterExchange);
    await inspector.close();
    await connection.close();
  });

  it('takes every message while no limit is set', async () => {
    expect(await sendAll(8)).toEqual(Array(8).fill('confirmed'));
    expect(await depth()).toBe(8);
    await drain(8);
  });

  it('bounds the existing queue once the policy is set: past the limit a publish is refused (PublishRefusedError, a 503), counted, and nothing confirmed is dropped', async () => {
    await applyQueueLengthLimit(management, spec.name, { maxMessages: 5, maxBytes: 0 });
    const refusedBefore = await refusedCount();

    const outcomes = await sendAll(10);

    const confirmed = outcomes.filter((outcome) => outcome === 'confirmed').length;
    // A quorum queue refuses once its ready messages exceed the limit: it may overshoot by what is in flight as it crosses it.
    expect(confirmed).toBeGreaterThanOrEqual(5);
    expect(confirmed).toBeLessThanOrEqual(6);
    expect(outcomes.slice(confirmed)).toEqual(Array(10 - confirmed).fill('PublishRefusedError'));
    expect(await depth()).toBe(confirmed);
    expect((await refusedCount()) - refusedBefore).toBe(10 - confirmed);
    const refusal = await send('one more').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PublishRefusedError);
    expect(refusal).toBeInstanceOf(BrokerUnavailableError);
    expect(refusal).toMatchObject({ retryable: true });
  });

  it('accepts again once the queue has drained below the limit', async () => {
    await drain(await depth());
    expect(await sendAll(3)).toEqual(Array(3).fill('confirmed'));
    await drain(3);
  });

  it('takes a changed limit at once, the messages waiting kept, and the same declaration still passes (no PRECONDITION_FAILED)', async () => {
    expect(await sendAll(4)).toEqual(Array(4).fill('confirmed'));
    await applyQueueLengthLimit(management, spec.name, { maxMessages: 2, maxBytes: 0 });
    expect(await send('past the lower limit').catch((error: Error) => error.name)).toBe('PublishRefusedError');
    expect(await depth()).toBe(4);

    const redeclared = await inspector.createChannel();
    await declareQueue(redeclared, spec);
    await redeclared.close();

    // Raised, the limit lets the publisher that was being refused go at once, on the same channel.
    await applyQueueLengthLimit(management, spec.name, { maxMessages: 100, maxBytes: 0 });
    expect(await sendAll(3)).toEqual(Array(3).fill('confirmed'));
    expect(await depth()).toBe(7);
    await drain(7);
  });

  it('bounds by bytes of waiting bodies too', async () => {
    await applyQueueLengthLimit(management, spec.name, { maxMessages: 100, maxBytes: 10 });
    const outcomes = await sendAll(8); // 2 bytes each ("m0".."m7")
    expect(outcomes).toContain('PublishRefusedError');
    expect(outcomes.indexOf('PublishRefusedError')).toBeGreaterThanOrEqual(5);
    await drain(await depth());
  });

  it('is set by the keeper at start, as configured', async () => {
    const keeper = new QueueLengthLimitKeeper(management, spec.name, { maxMessages: 7, maxBytes: 0 });
    await keeper.start();
    keeper.stop();
    const response = await fetch(queueLengthPolicyUrl(management, spec.name), { headers: { authorization: managementAuthorization(management) } });
    expect(await response.json()).toMatchObject({ definition: { 'max-length': 7, overflow: 'reject-publish' } });
  });

  it('keeper: a management API out of reach holds up nothing, and is tried again until stopped', async () => {
    let attempts = 0;
    const unreachable = createServer((socket) => {
      attempts += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => unreachable.listen(0, '127.0.0.1', resolve));
    const { port } = unreachable.address() as AddressInfo;
    const keeper = new QueueLengthLimitKeeper({ ...management, baseUrl: `http://127.0.0.1:${port}` }, spec.name, { maxMessages: 3, maxBytes: 0 }, 50);
    await keeper.start();
    await new Promise((resolve) => setTimeout(resolve, 400));
    keeper.stop();
    await new Promise((resolve) => setTimeout(resolve, 200)); // an attempt under way when stopped ends
    const seen = attempts;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await new Promise<void>((resolve) => unreachable.close(() => resolve()));
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(attempts).toBe(seen);
  });

  it('keeps one policy per queue, named after it, replaced by each change', async () => {
    await applyQueueLengthLimit(management, spec.name, { maxMessages: 100, maxBytes: 10 });
    const response = await fetch(queueLengthPolicyUrl(management, spec.name), { headers: { authorization: managementAuthorization(management) } });
    expect(await response.json()).toMatchObject({
      pattern: `^itsm\\.test-${suffix}\\.limited$`,
      definition: { 'max-length': 100, 'max-length-bytes': 10, overflow: 'reject-publish' },
      'apply-to': 'queues',
    });
  });
});
