import { NotFoundError, StateConflictError, VersionConflictError, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { CALENDAR_CHANGED_V1 } from '@itsm/contracts/design';
import { testServers, uniqueDatabaseName } from '@itsm/testing';
import { mongo } from 'mongoose';
import { VersionedDocumentStore, VersionedState } from './versioned-document.store';

interface Fields {
  name: string;
  note?: string;
}

/** Integration: versioned writes against the real MongoDB-wire server. */
describe('VersionedDocumentStore (real database)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('versioned');
  let client: mongo.MongoClient;
  let store: VersionedDocumentStore<Fields>;

  const emit = (state: VersionedState<Fields>) => [
    createCloudEvent(CALENDAR_CHANGED_V1, state.id, { calendarId: state.id, version: state.version, name: state.fields.name, definition: {} }, { service: 'test' }),
  ];

  beforeAll(async () => {
    client = await mongo.MongoClient.connect(mongoUrl);
    store = new VersionedDocumentStore<Fields>(client.db(dbName).collection('records') as unknown as mongo.Collection, 30_000);
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('replaces the whole definition: a field the new version leaves out is gone', async () => {
    const id = uuidV7();
    await store.define(id, { name: 'first', note: 'optional' }, emit);
    const written = await store.reviseFrom(id, 1, { name: 'second' }, emit);
    expect(written.record).toMatchObject({ version: 2, name: 'second' });
    expect(written.record).not.toHaveProperty('note');
    expect(await store.findById(id)).not.toHaveProperty('note');
    expect(written.outbox.outbox.map((entry) => entry.seq)).toEqual([1, 2]);
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
});
