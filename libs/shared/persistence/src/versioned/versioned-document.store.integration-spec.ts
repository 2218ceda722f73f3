import { createCloudEvent, NotFoundError, StateConflictError, uuidV7, VersionConflictError } from '@itsm/contracts';
import { CALENDAR_CHANGED_V1 } from '@itsm/contracts/design';
import { AmqpConnection, MessagePublisher } from '@itsm/messaging';
import { AROUND_THE_CLOCK, EventTap, eventually, testServers, uniqueDatabaseName } from '@itsm/testing';
import { mongo } from 'mongoose';
import { OutboxDocument } from '../outbox/outbox-relay';
import { OutboxRelays } from '../outbox/outbox-relays';
import { VersionedDocumentStore, VersionedState } from './versioned-document.store';

interface Fields {
  name: string;
  note?: string;
}

/** Integration: versioned writes against the real MongoDB-wire server. */
describe('VersionedDocumentStore (real database and broker)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('versioned');
  let client: mongo.MongoClient;
  let amqp: AmqpConnection;
  let relays: OutboxRelays;
  let tap: EventTap;
  let store: VersionedDocumentStore<Fields>;

  const emit = (state: VersionedState<Fields>) => [
    createCloudEvent(CALENDAR_CHANGED_V1, state.id, { calendarId: state.id, version: state.version, name: state.fields.name, definition: AROUND_THE_CLOCK }, { service: 'test' }),
  ];

  beforeAll(async () => {
    client = await mongo.MongoClient.connect(mongoUrl);
    amqp = await AmqpConnection.open({ url: amqpUrl, name: 'versioned-store-test' });
    tap = await EventTap.open(amqpUrl, 'itsm.design.calendar.#');
    // No sweep within the test's life: whatever is published, the write itself handed over.
    relays = new OutboxRelays(await MessagePublisher.attach(amqp), { leaseMs: 3_600_000, sweepIntervalMs: 3_600_000, batchSize: 100 });
    store = new VersionedDocumentStore<Fields>(client.db(dbName).collection('records') as unknown as mongo.Collection, relays, 3_600_000);
  });

  afterAll(async () => {
    await relays.beforeApplicationShutdown();
    await tap.close();
    await amqp.close();
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it("publishes a write's events at once, with no call from the writer and no sweep", async () => {
    const id = uuidV7();
    const defined = await store.define(id, { name: 'first' }, emit);
    const revised = await store.reviseFrom(id, 1, { name: 'second' }, emit);
    for (const entry of [...defined.outbox.outbox, ...revised.outbox.outbox.filter((e) => e.seq === 2)]) {
      await tap.waitFor((message) => message.body.id === entry.event.id);
    }
    await eventually(
      () => client.db(dbName).collection<OutboxDocument>('records').findOne({ _id: id }),
      (found) => found?.outboxPending === false && found.outbox.length === 0,
      { what: 'the outbox to be marked sent' },
    );
  });

  it('replaces the whole definition: a field the new version leaves out is gone', async () => {
    const id = uuidV7();
    await store.define(id, { name: 'first', note: 'optional' }, emit);
    const written = await store.reviseFrom(id, 1, { name: 'second' }, emit);
    expect(written.record).toMatchObject({ version: 2, name: 'second' });
    expect(written.record).not.toHaveProperty('note');
    expect(await store.findById(id)).not.toHaveProperty('note');
    // The revision's event is appended after the definition's; the relay may or may not have marked the
    // definition's sent in between (it publishes at once), so entry 1 may already be gone.
    expect([[1, 2], [2]]).toContainEqual(written.outbox.outbox.map((entry) => entry.seq));
  });

  it('refuses a stale version (VersionConflictError) and an unknown record (NotFoundError), writing nothing', async () => {
    const id = uuidV7();
    await store.define(id, { name: 'only' }, emit);
    await expect(store.reviseFrom(id, 5, { name: 'late' }, emit)).rejects.toBeInstanceOf(VersionConflictError);
    await expect(store.reviseFrom(uuidV7(), 1, { name: 'nobody' }, emit)).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.findById(id)).toMatchObject({ version: 1, name: 'only' });
  });

  it('derives the next version from the current one, and a refusal leaves it untouched', async () => {
    const id = uuidV7();
    await store.define(id, { name: 'a' }, emit);
    const next = await store.revise(id, (current) => ({ name: `${current.name}b` }), emit);
    expect(next.record).toMatchObject({ version: 2, name: 'ab' });
    await expect(
      store.revise(id, () => {
        throw new StateConflictError('not now');
      }, emit),
    ).rejects.toThrow('not now');
    expect(await store.findById(id)).toMatchObject({ version: 2, name: 'ab' });
  });

  it('lets the next version wait for a look-up; a record that moved on meanwhile is not overwritten (409)', async () => {
    const id = uuidV7();
    await store.define(id, { name: 'a' }, emit);
    const checked = await store.revise(
      id,
      async (current) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        return { name: `${current.name} checked` };
      },
      emit,
    );
    expect(checked.record).toMatchObject({ version: 2, name: 'a checked' });

    // Another writer revises the record while the first one is still deciding on what it read.
    const overtaken = store.revise(
      id,
      async (current) => {
        await store.revise(id, () => ({ name: 'overtaker' }), emit);
        return { name: `${current.name} late` };
      },
      emit,
    );
    await expect(overtaken).rejects.toBeInstanceOf(VersionConflictError);
    expect(await store.findById(id)).toMatchObject({ version: 3, name: 'overtaker' });
  });
});
