import { loadConfig } from '@itsm/config';
import { createCloudEvent, uuidV7 } from '@itsm/contracts';
import { RELATIONSHIP_ADDED_V1 } from '@itsm/contracts/transition';
import { EVENT_BATCH_LEASE_MS, EventBatchRepository } from '@itsm/transition/cmdb';
import { EventTap, TEST_INTERNAL_TOKEN_SECRET, eventually, internalToken, testServers, uniqueDatabaseName } from '@itsm/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import mongoose from 'mongoose';
import { createTransitionApp } from './transition.app';
import { TransitionConfig } from './transition.config';

/**
 * Integration: the recovery of the CMDB's event batches (EventBatchRepository), on the transition app as
 * wired, against the real broker and database. A writer that stopped after storing some of a batch's records
 * and before publishing leaves the batch behind: once its lease has run out, recovery publishes the events of
 * the records stored (those with the batch's createdAt), none for the others, and deletes the batch.
 */
describe('CMDB event batches left behind (transition app, real servers)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('cmdb-event-batches');
  const config = loadConfig(TransitionConfig, {
    ITSM_AMQP_URL: amqpUrl,
    ITSM_MONGO_URL: mongoUrl,
    ITSM_TRANSITION_DB: dbName,
    ITSM_LOG_LEVEL: 'error',
    ITSM_INTERNAL_TOKEN_SECRET: TEST_INTERNAL_TOKEN_SECRET,
  });
  let app: NestFastifyApplication;
  let db: mongoose.Connection;
  let tap: EventTap;

  beforeAll(async () => {
    app = await createTransitionApp(config);
    await app.init();
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    tap = await EventTap.open(amqpUrl, RELATIONSHIP_ADDED_V1.type);
  });

  afterAll(async () => {
    await app?.close();
    await tap?.close();
    await db?.dropDatabase();
    await db?.close();
  });

  it('publishes the events of the records a stopped writer stored, none of the others, once its lease has run out', async () => {
    const createdAt = new Date();
    const relationship = (id: string) => ({ _id: id, type: 'runs_on', fromItemId: uuidV7(), toItemId: uuidV7(), createdAt });
    const [stored, storedByOther, neverStored] = [relationship(uuidV7()), relationship(uuidV7()), relationship(uuidV7())];
    const eventOf = ({ _id, type, fromItemId, toItemId }: ReturnType<typeof relationship>) =>
      createCloudEvent(RELATIONSHIP_ADDED_V1, _id, { relationshipId: _id, type, fromItemId, toItemId }, { service: 'transition', actorId: 'cora' }, createdAt);
    // What a writer leaves when it stops between its insert and its publishing: the batch, and the records it stored.
    const batchId = uuidV7();
    await db.collection('cmdb_event_batches').insertOne({
      _id: batchId as never,
      targetCollection: 'ci_relationships',
      createdAt,
      until: new Date(createdAt.getTime() + EVENT_BATCH_LEASE_MS),
      candidates: [stored, storedByOther, neverStored].map((record) => ({ id: record._id, events: [eventOf(record)] })),
    });
    await db.collection('ci_relationships').insertMany([
      { ...stored, dependent: stored.fromItemId, dependency: stored.toItemId, outbox: [], outboxSeq: 0, outboxPending: false },
      // Another writer's, stored at another instant: its own writer published its event.
      { ...storedByOther, createdAt: new Date(createdAt.getTime() - 1), dependent: storedByOther.fromItemId, dependency: storedByOther.toItemId, outbox: [], outboxSeq: 0, outboxPending: false },
    ] as never[]);
    const batches = app.get(EventBatchRepository, { strict: false });

    expect(await batches.recover(new Date(createdAt.getTime() + EVENT_BATCH_LEASE_MS - 1))).toBe(0); // still its writer's
    expect(await batches.recover(new Date(createdAt.getTime() + EVENT_BATCH_LEASE_MS))).toBe(1);

    await tap.waitFor(({ body }) => body['subject'] === stored._id);
    expect(await db.collection('cmdb_event_batches').countDocuments({ _id: batchId as never })).toBe(0);
    // Give the others time to arrive if they were (wrongly) published.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(tap.messages.map(({ body }) => body['subject'])).toEqual([stored._id]);
    expect(await batches.recover(new Date(createdAt.getTime() + 10 * EVENT_BATCH_LEASE_MS))).toBe(0);
  });

  it('publishes an import\'s events and deletes its batches, leaving nothing for recovery', async () => {
    const token = await internalToken({ sub: 'cora', roles: ['configuration_manager'] });
    const post = async (url: string, payload: object) => {
      const response = await app.getHttpAdapter().getInstance().inject({ method: 'POST', url, headers: { 'x-itsm-principal': token }, payload });
      expect(response.statusCode).toBe(200);
      return response.json<{ created: number; rows: Array<{ id: string }> }>();
    };
    const items = Array.from({ length: 150 }, (_, index) => ({ externalId: `eb-${index}`, classKey: 'server', name: `eb-${index}`, lifecycleState: 'operational', attributes: {} }));
    expect((await post('/v1/cmdb/imports/items', { items })).created).toBe(150);
    const relationships = Array.from({ length: 149 }, (_, index) => ({ type: 'hosts', fromExternalId: `eb-${index}`, toExternalId: `eb-${index + 1}` }));
    const related = await post('/v1/cmdb/imports/relationships', { relationships });
    expect(related.created).toBe(149);

    const ids = new Set(related.rows.map(({ id }) => id));
    await eventually(async () => new Set(tap.messages.filter(({ body }) => ids.has(String(body['subject']))).map(({ body }) => body['id'])).size, (count) => count === 149, {
      timeoutMs: 15_000,
      what: 'an event for each relationship imported',
    });
    await eventually(async () => db.collection('cmdb_event_batches').countDocuments({}), (count) => count === 0, { timeoutMs: 10_000, what: 'no event batch left' });
  });
});
