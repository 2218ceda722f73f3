import { DependencyUnavailableError } from '@itsm/contracts';
import { testServers, uniqueDatabaseName } from '@itsm/testing';
import { mongo } from 'mongoose';
import { DocumentWriteLock } from '../document-write-lock';
import { DocumentWriteLeases, WRITE_LEASES_COLLECTION, WriteLeaseDocument } from './document-write-leases';

interface Counter {
  _id: string;
  version: number;
  /** Incremented once by every update its writer saw succeed. */
  count: number;
}

/**
 * Integration: writers in different processes updating one document, as several replicas of a service
 * (the incident owner, the SLA scheduler, another replica's outbox relay) will. Each "process" here is a
 * client of its own with a DocumentWriteLock of its own, so nothing is shared in memory: only the server.
 */
describe('document write leases across processes (real database)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('writelease');
  const onFerretDb = process.env.ITSM_MONGO_SERVER === 'ferretdb';
  let clients: [mongo.MongoClient, mongo.MongoClient];

  beforeAll(async () => {
    clients = [await mongo.MongoClient.connect(mongoUrl), await mongo.MongoClient.connect(mongoUrl)];
  });

  afterAll(async () => {
    await clients[0].db(dbName).dropDatabase();
    await Promise.all(clients.map((client) => client.close()));
  });

  const counters = (process: 0 | 1) => clients[process].db(dbName).collection<Counter>('counters');
  const leases = (process: 0 | 1) => clients[process].db(dbName).collection<WriteLeaseDocument>(WRITE_LEASES_COLLECTION);

  /**
   * Two processes each make `perProcess` version-guarded increments of one counter, 8 at a time, retrying
   * on a stale version as a use case does. Returns the updates each process saw succeed and the counter.
   */
  async function race(id: string, locks: [DocumentWriteLock, DocumentWriteLock], perProcess: number) {
    await counters(0).insertOne({ _id: id, version: 0, count: 0 });
    let succeeded = 0;
    const writer = async (process: 0 | 1) => {
      for (let done = 0; done < perProcess / 8; ) {
        const { version, count } = (await counters(process).findOne({ _id: id })) ?? { version: -1, count: -1 };
        const updated = await locks[process].run([id], () => counters(process).findOneAndUpdate({ _id: id, version }, { $set: { version: version + 1, count: count + 1 } }));
        if (updated) {
          succeeded += 1;
          done += 1;
        }
      }
    };
    await Promise.all([0, 1].flatMap((process) => Array.from({ length: 8 }, () => writer(process as 0 | 1))));
    return { succeeded, counter: await counters(0).findOne({ _id: id }) };
  }

  (onFerretDb ? it : it.skip)('without leases, FerretDB loses updates two processes make at once (the fault this guards against)', async () => {
    const { succeeded, counter } = await race('unguarded', [new DocumentWriteLock(), new DocumentWriteLock()], 80);
    expect(succeeded).toBe(160);
    expect(counter?.count).toBeLessThan(succeeded);
  });

  it('with leases, every update two processes saw succeed is kept', async () => {
    const { succeeded, counter } = await race('guarded', [DocumentWriteLock.of(counters(0)), new DocumentWriteLock(async () => (onFerretDb ? new DocumentWriteLeases(leases(1), 'counters') : undefined))], 80);
    expect(succeeded).toBe(160);
    expect(counter).toMatchObject({ version: 160, count: 160 });
    expect(await leases(0).countDocuments()).toBe(0);
  });

  it('takes over a lease whose holder died, and waits for one that is alive', async () => {
    const guarded = new DocumentWriteLeases(leases(0), 'counters', { leaseMs: 15_000, waitMs: 300 });
    await leases(0).insertOne({ _id: 'counters|crashed', holder: 'a process that died', until: new Date(Date.now() - 1) });
    await expect(guarded.hold(['crashed'], async () => 'updated')).resolves.toBe('updated');

    await leases(0).insertOne({ _id: 'counters|busy', holder: 'a live writer', until: new Date(Date.now() + 60_000) });
    await expect(guarded.hold(['busy'], async () => 'updated')).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(await leases(0).findOne({ _id: 'counters|busy' })).toMatchObject({ holder: 'a live writer' });
    await leases(0).deleteOne({ _id: 'counters|busy' });
  });

  it('lets writers of overlapping sets of documents through without deadlock, each set at once', async () => {
    const [first, second] = [new DocumentWriteLeases(leases(0), 'counters'), new DocumentWriteLeases(leases(1), 'counters')];
    const inside = new Set<string>();
    const overlaps: string[] = [];
    const enter = async (ids: string[]) => {
      for (const id of ids) if (inside.has(id)) overlaps.push(id);
      ids.forEach((id) => inside.add(id));
      await new Promise((resolve) => setTimeout(resolve, 2));
      ids.forEach((id) => inside.delete(id));
    };
    await Promise.all(
      Array.from({ length: 20 }, (_, round) => [
        first.hold(['x', 'y', 'z'], () => enter(['x', 'y', 'z'])),
        second.hold(['z', 'y'], () => enter(['z', 'y'])),
        second.hold([`solo-${round}`, 'x'], () => enter([`solo-${round}`, 'x'])),
      ]).flat(),
    );
    expect(overlaps).toEqual([]);
    expect(await leases(0).countDocuments()).toBe(0);
  });
});
