import { uuidV7 } from '@itsm/contracts';
import { testServers, uniqueDatabaseName } from '@itsm/testing';
import mongoose, { Connection, Schema } from 'mongoose';

/**
 * FerretDB 1.24 on PostgreSQL compiles an equality such as {_id: x} to (_jsonb -> '_id') @> '"x"',
 * which its own B-tree indexes cannot serve; the launcher (tools/infra/ferretdb-gin-indexes.sql)
 * gives every indexed field a GIN companion, for collections and indexes created at any time. These
 * tests declare a collection the way the apps do, after the launcher ran, and ask FerretDB's explain
 * how PostgreSQL runs each kind of equality the code makes. MongoDB serves them from its own indexes.
 */
const server = process.env.ITSM_MONGO_SERVER;
const onFerretDb = server === 'mongodb' ? describe.skip : describe;
if (server === 'mongodb') {
  console.warn('equality-lookups: skipped, the server is MongoDB (it serves equality from its own indexes; the GIN companions are for FerretDB on PostgreSQL)');
}

interface PlanNode {
  'Node Type'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** The PostgreSQL indexes a plan reads (FerretDB's explain returns PostgreSQL's JSON plan). */
function indexesIn(plan: PlanNode | undefined): string[] {
  if (!plan) return [];
  return [...(plan['Index Name'] ? [plan['Index Name']] : []), ...(plan.Plans ?? []).flatMap(indexesIn)];
}

const recordSchema = new Schema(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    messageId: { type: String, required: true, unique: true },
    state: { type: String, required: true },
    priority: { type: Number, required: true },
    buckets: { type: [String], required: true },
  },
  { versionKey: false, collection: 'records' },
);
recordSchema.index({ buckets: 1, _id: -1 });
recordSchema.index({ state: 1, priority: 1, _id: -1 });

onFerretDb('equality lookups on FerretDB use an index (the launcher GIN companions)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('equality');
  let connection: Connection;
  const ids: string[] = [];

  const planOf = async (filter: Record<string, unknown>, collection = 'records'): Promise<{ indexes: string[]; pushdown: boolean; plan: unknown }> => {
    const explained = await connection.db?.command({ explain: { find: collection, filter } });
    const plan = (explained?.queryPlanner as { Plan?: PlanNode | string[] } | undefined)?.Plan;
    if (!plan || Array.isArray(plan)) {
      throw new Error(`FerretDB's explain shows no PostgreSQL plan (${JSON.stringify(plan)}): its SQLite backend indexes no equality lookup; run it on PostgreSQL (the launcher does when it can)`);
    }
    return { indexes: indexesIn(plan), pushdown: explained?.filterPushdown === true, plan };
  };

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    const info = await connection.db?.admin().command({ buildInfo: 1 });
    expect(typeof info?.ferretdbVersion).toBe('string');
    // Created now, after the launcher ran: the way every app declares its collections at start-up.
    const records = connection.model('Record', recordSchema);
    await records.init();
    const documents = Array.from({ length: 3_000 }, (_, index) => {
      const id = uuidV7(Date.now() - index * 1_000);
      ids.push(id);
      return { _id: id, version: 1 + (index % 4), messageId: `message-${index}`, state: ['new', 'in_progress', 'resolved'][index % 3], priority: 1 + (index % 5), buckets: [id.slice(0, 10), id.slice(0, 8)] };
    });
    await records.insertMany(documents);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it.each([
    ['a read by _id', () => ({ _id: ids[1_234] })],
    ['an update by _id with its version guard (the read it makes first)', () => ({ _id: ids[1_234], version: 3 })],
    ['a read by a unique key', () => ({ messageId: 'message-2345' })],
    ['a list page bucket with its filters', () => ({ buckets: ids[42]?.slice(0, 10), state: 'new', priority: 2 })],
  ])('%s is pushed down and read through an index', async (_, filter) => {
    const { indexes, pushdown, plan } = await planOf(filter());
    expect(pushdown).toBe(true);
    expect({ indexes, plan }).toEqual(expect.objectContaining({ indexes: expect.arrayContaining([expect.stringMatching(/_gin$/)]) }));
  });

  it('indexes a field whose index is declared later, on a collection that already holds data', async () => {
    await connection.db?.collection('records').createIndex({ note: 1 });
    await connection.db?.collection('records').updateOne({ _id: ids[7] as never }, { $set: { note: 'seventh' } });
    const { indexes } = await planOf({ note: 'seventh' });
    expect(indexes).toEqual(expect.arrayContaining([expect.stringMatching(/_gin$/)]));
  });
});
