import { testServers, uniqueDatabaseName } from '@itsm/testing';
import { Collection, MongoClient } from 'mongodb';
import { isDuplicateKeyError } from '../mongo-errors';
import { BatchedInserter } from './batched-inserter';

/** Integration: documents inserted together, each caller settled as by its own insert, against the real server. */
describe('BatchedInserter (real database)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('batched_insert');
  let client: MongoClient;
  let collection: Collection;

  beforeAll(async () => {
    client = await MongoClient.connect(mongoUrl);
    collection = client.db(dbName).collection('items');
    await collection.createIndex({ key: 1 }, { unique: true });
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await collection.deleteMany({});
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('stores the documents handed over at once with one insertMany, in batches of at most maxBatch', async () => {
    const insertMany = jest.spyOn(collection, 'insertMany');
    const inserter = new BatchedInserter(collection, 30);
    await Promise.all(Array.from({ length: 70 }, (_, index) => inserter.insert({ _id: `item-${index}` as never, key: index })));
    expect(await collection.countDocuments()).toBe(70);
    expect(insertMany.mock.calls.map(([documents]) => (documents as unknown[]).length)).toEqual([30, 30, 10]);
  });

  it('settles each caller of a failed batch as its own insert: a duplicate rejects with its duplicate key, the rest are stored', async () => {
    await collection.insertOne({ _id: 'taken' as never, key: -1 });
    const inserter = new BatchedInserter(collection);
    const settled = await Promise.allSettled([
      inserter.insert({ _id: 'a' as never, key: 1 }),
      inserter.insert({ _id: 'taken' as never, key: 2 }),
      inserter.insert({ _id: 'b' as never, key: 3 }),
      inserter.insert({ _id: 'c' as never, key: 1 }), // the unique key of 'a', in the same batch
      inserter.insert({ _id: 'd' as never, key: 4 }),
    ]);
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(settled.filter((outcome) => outcome.status === 'rejected').every((outcome) => isDuplicateKeyError(outcome.reason))).toBe(true);
    expect((await collection.find({}, { projection: { _id: 1 } }).sort({ _id: 1 }).toArray()).map((document: { _id: unknown }) => document._id)).toEqual(['a', 'b', 'd', 'taken']);
  });

  it('after a failure that says nothing of what was stored, inserts each document again alone: stored once, a duplicate key for what the batch stored', async () => {
    const insertMany = collection.insertMany.bind(collection);
    jest.spyOn(collection, 'insertMany').mockImplementationOnce(async (documents, options) => {
      await insertMany(documents, options);
      throw new Error('connection reset before the answer');
    });
    const inserter = new BatchedInserter(collection);
    const settled = await Promise.allSettled(['x', 'y'].map((id, key) => inserter.insert({ _id: id as never, key })));
    expect(settled.map((outcome) => outcome.status === 'rejected' && isDuplicateKeyError(outcome.reason))).toEqual([true, true]);
    expect(await collection.countDocuments()).toBe(2);
  });

  it('inserts a document handed over alone with insertOne', async () => {
    const insertMany = jest.spyOn(collection, 'insertMany');
    await new BatchedInserter(collection).insert({ _id: 'alone' as never, key: 1 });
    expect(insertMany).not.toHaveBeenCalled();
    expect(await collection.countDocuments({ _id: 'alone' as never })).toBe(1);
  });
});
