import { testServers, uniqueDatabaseName } from '@itsm/testing';
import mongoose, { Connection, Model } from 'mongoose';
import { IncidentNumberAllocator } from './incident-number.allocator';
import { NumberBlockRecord, NumberBlockSchema } from './number-block.schema';

/** Integration: incident numbers from blocks claimed by point lookups, against the real MongoDB-wire server. */
describe('IncidentNumberAllocator (real database)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('incident_numbers');
  let connection: Connection;
  let blocks: Model<NumberBlockRecord>;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    blocks = connection.model<NumberBlockRecord>(NumberBlockRecord.name, NumberBlockSchema);
    await blocks.init();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('starts after the highest block already claimed', async () => {
    await blocks.insertMany(Array.from({ length: 37 }, (_, block) => ({ _id: block, claimedAt: new Date() })));
    expect(await new IncidentNumberAllocator(blocks).allocate()).toBe('INC0001851');
  });

  it('never hands out a number twice when instances compete for blocks', async () => {
    const instances = [new IncidentNumberAllocator(blocks), new IncidentNumberAllocator(blocks), new IncidentNumberAllocator(blocks)];
    const numbers = await Promise.all(instances.flatMap((instance) => Array.from({ length: 130 }, () => instance.allocate())));
    expect(new Set(numbers).size).toBe(numbers.length);
    const claimed = (await blocks.find().lean().exec()).map((block) => block._id).sort((a, b) => a - b);
    expect(claimed).toEqual(Array.from({ length: claimed.length }, (_, block) => block));
  });
});
