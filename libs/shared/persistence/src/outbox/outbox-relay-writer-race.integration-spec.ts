import { createCloudEvent, uuidV7 } from '@itsm/contracts';
import { CALENDAR_CHANGED_V1 } from '@itsm/contracts/design';
import { AmqpConnection, MessagePublisher } from '@itsm/messaging';
import { AROUND_THE_CLOCK, eventually, testServers, uniqueDatabaseName } from '@itsm/testing';
import mongoose, { mongo } from 'mongoose';
import { VersionedDocumentStore, VersionedState } from '../versioned/versioned-document.store';
import { OutboxDocument, OutboxRelay } from './outbox-relay';
import { OutboxRelays } from './outbox-relays';

interface Fields {
  name: string;
}

/**
 * Integration: a writer revising a record while the relay marks its previous
 * events sent, as happens whenever a user acts twice in quick succession.
 * On FerretDB 1.x an update rewrites the whole document it read, so without
 * the per-document write lock the relay's "sent" could put back the version
 * the writer had just replaced.
 */
describe('outbox relay racing the next revision (real database and broker)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('relayrace');
  let client: mongo.MongoClient;
  let connection: mongoose.Connection;
  let amqp: AmqpConnection;
  let store: VersionedDocumentStore<Fields>;
  let relay: OutboxRelay;

  const emit = (state: VersionedState<Fields>) => [
    createCloudEvent(CALENDAR_CHANGED_V1, state.id, { calendarId: state.id, version: state.version, name: state.fields.name, definition: AROUND_THE_CLOCK }, { service: 'test' }),
  ];

  beforeAll(async () => {
    client = await mongo.MongoClient.connect(mongoUrl);
    connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    amqp = await AmqpConnection.open({ url: amqpUrl, name: 'relay-race-test' });
    // As in the services, the writer holds mongoose's collection; the relay here holds the driver's, so the lock must join the two.
    const records = connection.model('Record', new mongoose.Schema({}, { strict: false, collection: 'records' }));
    const relays = new OutboxRelays(await MessagePublisher.attach(amqp), { leaseMs: 30_000, sweepIntervalMs: 60_000, batchSize: 100 });
    relay = relays.relayFor(client.db(dbName).collection<OutboxDocument>('records'));
    // The store finds the same relay by database and collection name, and hands every write to it.
    store = new VersionedDocumentStore<Fields>(records.collection as unknown as mongo.Collection, relays, 30_000);
  });

  afterAll(async () => {
    await relay.stop();
    await amqp.close();
    await client.db(dbName).dropDatabase();
    await connection.close();
    await client.close();
  });

  it('loses no revision and leaves nothing unsent when every revision follows the previous publish closely', async () => {
    const revisions = 50;
    const ids = Array.from({ length: 8 }, () => uuidV7());
    await Promise.all(
      ids.map(async (id) => {
        await store.define(id, { name: 'v1' }, emit);
        for (let version = 2; version <= revisions; version++) {
          await store.reviseFrom(id, version - 1, { name: `v${version}` }, emit);
        }
      }),
    );
    await relay.stop();
    for (const id of ids) {
      expect(await store.findById(id)).toMatchObject({ version: revisions, name: `v${revisions}` });
      await eventually(
        () => client.db(dbName).collection<OutboxDocument>('records').findOne({ _id: id }),
        (found) => found?.outboxPending === false && found.outbox.length === 0 && found.outboxSeq === revisions,
        { what: `every event of ${id} to be marked sent` },
      );
    }
  });
});
