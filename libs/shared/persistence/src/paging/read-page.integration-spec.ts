import { PageRequest, decodePageCursor, encodePageCursor, CURSOR_KEYS } from '@itsm/contracts';
import { testServers, uniqueDatabaseName } from '@itsm/testing';
import { mongo } from 'mongoose';
import { BY_NAME, NEWEST_FIRST, PageOrder, readPage } from './read-page';

interface Row {
  _id: string;
  name: string;
  group: string;
  rank: number;
  secret?: string;
}

/** Integration: keyset pages against the real MongoDB-wire server (FerretDB here: no sort pushdown, the same answers). */
describe('readPage (real database)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('paging');
  let client: mongo.MongoClient;
  let rows: mongo.Collection<Row>;
  let collection: mongo.Collection;

  /** Every page of `filter` in `order`, `limit` at a time, calling `between` after each page; the ids in the order read. */
  const walk = async (filter: mongo.Filter<mongo.Document>, order: PageOrder, limit: number, between: (page: number) => Promise<void> = async () => undefined) => {
    const read: string[] = [];
    let request: PageRequest = { limit };
    for (let page = 1; page < 100; page += 1) {
      const found = await readPage<Row>(collection, filter, order, request, { secret: 0 });
      expect(found.items.length).toBeLessThanOrEqual(limit);
      read.push(...found.items.map((row) => row._id));
      if (found.nextCursor === null) return read;
      await between(page);
      request = { limit, after: JSON.parse(Buffer.from(found.nextCursor, 'base64url').toString('utf8')) as PageRequest['after'] };
    }
    throw new Error('more than 100 pages');
  };
  const sorted = async (filter: mongo.Filter<Row>, sort: Record<string, 1 | -1>) => (await rows.find(filter).sort(sort).toArray()).map((row) => row._id);

  beforeAll(async () => {
    client = await mongo.MongoClient.connect(mongoUrl);
    rows = client.db(dbName).collection<Row>('rows');
    collection = rows as unknown as mongo.Collection;
    // Names repeat, so only the id tells some positions apart.
    await rows.insertMany(
      Array.from({ length: 23 }, (_, index) => ({
        _id: `id-${String(index).padStart(3, '0')}`,
        name: ['Mail', 'Desk', 'Print', 'Mail', 'Zeta'][index % 5] ?? 'Mail',
        group: index % 2 === 0 ? 'even' : 'odd',
        rank: index % 4,
        secret: 'hidden',
      })),
    );
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('reads every record once, by name then id, when names repeat', async () => {
    expect(await walk({}, BY_NAME, 4)).toEqual(await sorted({}, { name: 1, _id: 1 }));
  });

  it('reads newest first with an equality filter, and mixed directions', async () => {
    expect(await walk({ group: 'odd' }, NEWEST_FIRST, 3)).toEqual(await sorted({ group: 'odd' }, { _id: -1 }));
    const mixed: PageOrder = [['rank', -1], ['name', 1], ['_id', 1]];
    expect(await walk({}, mixed, 5)).toEqual(await sorted({}, { rank: -1, name: 1, _id: 1 }));
  });

  it('keeps a filter of its own ($and) beside the position', async () => {
    const filter = { $and: [{ rank: { $gte: 1 } }, { group: 'even' }] };
    expect(await walk(filter, BY_NAME, 2)).toEqual(await sorted(filter, { name: 1, _id: 1 }));
  });

  it('neither repeats nor skips a record when others are inserted before and after the position', async () => {
    const before = await sorted({}, { name: 1, _id: 1 });
    const inserted: string[] = [];
    const read = await walk({}, BY_NAME, 4, async (page) => {
      // One sorts before everything (already read), one after everything (still to come).
      const early = { _id: `early-${page}`, name: 'Aaa', group: 'even', rank: 0 };
      const late = { _id: `late-${page}`, name: 'Zzz', group: 'even', rank: 0 };
      await rows.insertMany([early, late]);
      inserted.push(late._id);
    });
    expect(read).toEqual([...before, ...inserted]);
    await rows.deleteMany({ name: { $in: ['Aaa', 'Zzz'] } });
  });

  it('hands out a cursor of the last record\'s keys only while more follow, and leaves projected fields out', async () => {
    const first = await readPage<Row>(collection, { group: 'even' }, BY_NAME, { limit: 2 }, { secret: 0 });
    expect(first.items.map((row) => row.secret)).toEqual([undefined, undefined]);
    const last = first.items[1];
    expect(decodePageCursor(first.nextCursor ?? '', [CURSOR_KEYS.name, { holds: 'a test id', accepts: (value) => typeof value === 'string' }])).toEqual([last?.name, last?._id]);
    const all = await readPage<Row>(collection, { group: 'even' }, BY_NAME, { limit: 200 });
    expect(all.nextCursor).toBeNull();
    expect(all.items).toHaveLength(12);
    expect(encodePageCursor([last?.name ?? '', last?._id ?? ''])).toBe(first.nextCursor);
  });
});
