import { loadConfig } from '@itsm/config';
import { CloudEvent, ITSM_EVENTS_EXCHANGE, Principal, createCloudEvent } from '@itsm/contracts';
import { CONFIGURATION_ITEM_REGISTERED_V1, CONFIGURATION_ITEM_REVISED_V1, ConfigurationItemVersionV1, REPLAY_CONFIGURATION_ITEMS_V1 } from '@itsm/contracts/transition';
import { PermanentMessageError } from '@itsm/messaging';
import { eventually, internalToken, testServers, transitionTestEnv, uniqueDatabaseName } from '@itsm/testing';
import { ConfigurationItemRepository, ReplayConfigurationItems } from '@itsm/transition/cmdb';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Channel, ChannelModel, connect } from 'amqplib';
import mongoose from 'mongoose';
import { createTransitionApp } from './transition.app';
import { TransitionConfig } from './transition.config';

/**
 * Integration: transition's answer to itsm.transition.configuration-items.replay.v1 (the transition app as wired,
 * real broker and database): the current version of every item, retired ones included, as the event it was
 * published with, to the requester's queue alone, read a page at a time; a request whose queue is gone is parked.
 */
describe("transition replays the CMDB's items (transition app, real servers)", () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('ci-replay');
  const config = loadConfig(TransitionConfig, transitionTestEnv(dbName));
  const CONFIGURATION_MANAGER: Principal = { userId: 'cora', roles: ['configuration_manager'], groups: [] };
  /** The requester's event queue, `itsm.<service>.events`, of a service that exists only in this spec. */
  const replyTo = `itsm.replay-spec-${Date.now().toString(36)}.events`;
  let app: NestFastifyApplication;
  let amqp: ChannelModel;
  let channel: Channel;
  /** An outside subscriber of itsm.events (the audit trail), which must get each fact once, never the replay's copies. */
  let outside = '';

  const call = async <T>(method: 'POST' | 'PUT', url: string, payload: object): Promise<T> => {
    const token = await internalToken({ sub: CONFIGURATION_MANAGER.userId, roles: CONFIGURATION_MANAGER.roles, groups: CONFIGURATION_MANAGER.groups });
    const response = await app.getHttpAdapter().getInstance().inject({ method, url, headers: { 'x-itsm-principal': token }, payload });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  };
  const request = (queue: string) => createCloudEvent(REPLAY_CONFIGURATION_ITEMS_V1, queue, { replyTo: queue }, { service: 'test' });
  /** Every message in the requester's queue, taken off it. */
  const drain = async (): Promise<Array<CloudEvent<ConfigurationItemVersionV1>>> => {
    const events: Array<CloudEvent<ConfigurationItemVersionV1>> = [];
    for (let message = await channel.get(replyTo, { noAck: true }); message !== false; message = await channel.get(replyTo, { noAck: true })) {
      events.push(JSON.parse(message.content.toString()) as CloudEvent<ConfigurationItemVersionV1>);
    }
    return events;
  };

  beforeAll(async () => {
    app = await createTransitionApp(config);
    await app.init();
    amqp = await connect(amqpUrl);
    channel = await amqp.createChannel();
    await channel.assertQueue(replyTo, { durable: false, autoDelete: false });
    outside = (await channel.assertQueue('', { exclusive: true })).queue;
    await channel.bindQueue(outside, ITSM_EVENTS_EXCHANGE, 'itsm.transition.configuration-item.#');
  });

  afterAll(async () => {
    await channel.deleteQueue(replyTo);
    await amqp.close();
    await app.close();
    const db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    await db.dropDatabase();
    await db.close();
  });

  it('sends the current version of every item, retired ones included, as registered or revised, to the requester alone', async () => {
    const server = { classKey: 'server', lifecycleState: 'operational', attributes: {} };
    const live = await call<{ id: string }>('POST', '/v1/cmdb/items', { ...server, name: 'srv-1', externalId: 'srv-1' });
    const gone = await call<{ id: string }>('POST', '/v1/cmdb/items', { ...server, name: 'srv-old' });
    await call('PUT', `/v1/cmdb/items/${gone.id}`, { ...server, name: 'srv-old', lifecycleState: 'retired', expectedVersion: 1 });
    const extra = await Promise.all([1, 2, 3].map((n) => call<{ id: string }>('POST', '/v1/cmdb/items', { ...server, name: `srv-extra-${n}` })));

    const replay = request(replyTo);
    const sent = await app.get(ReplayConfigurationItems).execute(replay);

    const events = await drain();
    expect(sent).toBe(5);
    expect(events).toHaveLength(5);
    expect(new Set(events.map((event) => event.data.itemId))).toEqual(new Set([live.id, gone.id, ...extra.map((each) => each.id)]));
    expect(events.find((event) => event.data.itemId === live.id)).toMatchObject({ type: CONFIGURATION_ITEM_REGISTERED_V1.type, correlationid: replay.correlationid, causationid: replay.id, data: { version: 1, externalId: 'srv-1', name: 'srv-1' } });
    expect(events.find((event) => event.data.itemId === gone.id)).toMatchObject({ type: CONFIGURATION_ITEM_REVISED_V1.type, data: { version: 2, lifecycleState: 'retired' } });
    // Only what the contract carries: nothing the store keeps for itself.
    expect(Object.keys(events.find((event) => event.data.itemId === live.id)?.data ?? {}).sort()).toEqual(['attributes', 'classKey', 'externalId', 'itemId', 'lifecycleState', 'name', 'version']);
    // Five registrations and one revision, published live; the replay added none.
    await eventually(async () => (await channel.checkQueue(outside)).messageCount, (count) => count >= 6, { what: 'the live events' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await channel.checkQueue(outside)).messageCount).toBe(6);
  });

  it('reads the items a page at a time, every item once', async () => {
    const batches: string[][] = [];
    for await (const batch of app.get(ConfigurationItemRepository).batchesOfAll(2)) batches.push(batch.map((item) => item._id));
    expect(batches.map((batch) => batch.length)).toEqual([2, 2, 1]);
    expect(new Set(batches.flat()).size).toBe(5);
  });

  it('answers a request sent before a replay to its queue started with that replay, and a later one whole', async () => {
    const replay = app.get(ReplayConfigurationItems);
    // Intake instances started together: their requests wait in the queue while the first is answered.
    const waiting = { ...request(replyTo), time: new Date(Date.now() - 60_000).toISOString() };
    expect(await replay.execute(request(replyTo))).toBe(5);
    expect(await replay.execute(waiting)).toBe(0);
    expect(await replay.execute(request(replyTo))).toBe(5);
    expect(await drain()).toHaveLength(10);
  });

  it('parks a request whose queue is gone, rather than retrying it', async () => {
    await expect(app.get(ReplayConfigurationItems).execute(request('itsm.nobody-here.events'))).rejects.toBeInstanceOf(PermanentMessageError);
  });
});
