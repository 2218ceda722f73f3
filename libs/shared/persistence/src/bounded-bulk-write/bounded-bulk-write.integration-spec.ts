import { testServers, uniqueDatabaseName } from '@itsm/testing';
import { Collection, MongoClient } from 'mongodb';
import { BULK_WRITE_COMMANDS_IN_FLIGHT, BULK_WRITE_MAX_STATEMENTS, boundedBulkWrite } from './bounded-bulk-write';

/**
 * A bulk write of more version-guarded updates than FerretDB's PostgreSQL pool has connections (200 in
 * the launcher's URL), sent as commands of at most BULK_WRITE_MAX_STATEMENTS statements: every update is
 * written, and the driver's command monitoring shows no command carried more. (Sent as one command, these
 * 250 updates would hold 250 connections at once and stall the server: see bounded-bulk-write.ts.)
 */
describe('boundedBulkWrite (real server)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('bounded_bulk_write');
  const statements: number[] = [];
  /** Update commands sent and not answered yet, and the most there were at once. */
  const updates = { inFlight: new Set<number>(), most: 0 };
  let client: MongoClient;
  let records: Collection<{ _id: string; version: number; note?: string }>;

  beforeAll(async () => {
    client = new MongoClient(mongoUrl, { monitorCommands: true });
    client.on('commandStarted', (event) => {
      if (event.commandName !== 'update') return;
      statements.push((event.command.updates as unknown[]).length);
      updates.inFlight.add(event.requestId);
      updates.most = Math.max(updates.most, updates.inFlight.size);
    });
    client.on('commandSucceeded', (event) => updates.inFlight.delete(event.requestId));
    client.on('commandFailed', (event) => updates.inFlight.delete(event.requestId));
    await client.connect();
    records = client.db(dbName).collection('records');
    await records.insertMany(Array.from({ length: 260 }, (_, index) => ({ _id: `r${index}`, version: 1 })));
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('writes 250 guarded updates in commands of at most BULK_WRITE_MAX_STATEMENTS, and leaves what its guard refuses', async () => {
    const operations = Array.from({ length: 250 }, (_, index) => ({
      updateOne: { filter: { _id: `r${index}`, version: index < 240 ? 1 : 7 }, update: { $set: { note: 'written', version: 2 } } },
    }));

    const result = await boundedBulkWrite(records, operations);

    expect(result).toEqual({ matchedCount: 240, modifiedCount: 240 });
    expect(statements.length).toBe(Math.ceil(250 / BULK_WRITE_MAX_STATEMENTS));
    expect(Math.max(...statements)).toBeLessThanOrEqual(BULK_WRITE_MAX_STATEMENTS);
    expect(await records.countDocuments({ note: 'written', version: 2 })).toBe(240);
    expect(await records.countDocuments({ version: 1 })).toBe(20);
  });

  it('keeps at most BULK_WRITE_COMMANDS_IN_FLIGHT commands in flight across concurrent callers (their sum is what exhausts the pool)', async () => {
    updates.most = 0;
    // Six callers at once, as the outbox relay's mark-sent rounds of one import batch are; small commands, so that a broken gate cannot stall the shared server.
    const callers = Array.from({ length: 6 }, (_, caller) =>
      boundedBulkWrite(
        records,
        Array.from({ length: 10 }, (_, index) => ({ updateOne: { filter: { _id: `r${caller * 10 + index}` }, update: { $set: { caller } } } })),
      ),
    );

    const results = await Promise.all(callers);

    expect(results).toEqual(Array.from({ length: 6 }, () => ({ matchedCount: 10, modifiedCount: 10 })));
    expect(updates.most).toBe(BULK_WRITE_COMMANDS_IN_FLIGHT);
    expect(await records.countDocuments({ caller: { $exists: true } })).toBe(60);
  });
});
