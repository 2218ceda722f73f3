import { testServers, uniqueDatabaseName } from '@itsm/testing';
import { Model, mongo } from 'mongoose';
import { BudgetMonthRepository, HeldMonth, MonthClaim } from './budget-month.repository';
import { BudgetMonthRecord } from './budget-month.schema';

/** Integration: month claims against the real MongoDB-wire server, which must make them exclusive. */
describe('BudgetMonthRepository (real database)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('budgetmonths');
  let client: mongo.MongoClient;
  let collection: mongo.Collection<HeldMonth>;
  let months: BudgetMonthRepository;
  const year2027 = { firstMonth: 2027 * 12, months: 12 };
  const quarter = (q: number) => ({ firstMonth: 2027 * 12 + (q - 1) * 3, months: 3 });
  const may = { firstMonth: 2027 * 12 + 4, months: 1 };
  const attemptOf = (claim: MonthClaim): string => {
    if ('heldBy' in claim) throw new Error(`expected the months, but they are held: ${JSON.stringify(claim.heldBy)}`);
    return claim.attempt;
  };
  const holdersOf = (claim: MonthClaim): HeldMonth[] => {
    if ('attempt' in claim) throw new Error('expected the months to be held by another attempt, but this one got them');
    return claim.heldBy;
  };

  beforeAll(async () => {
    client = await mongo.MongoClient.connect(mongoUrl);
    collection = client.db(dbName).collection<HeldMonth>('budget_months');
    months = new BudgetMonthRepository({ collection } as unknown as Model<BudgetMonthRecord>);
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('gives every month to one of several overlapping claims made at once, and none to the others', async () => {
    const periods = [
      ['2027', year2027],
      ['2027-Q2', quarter(2)],
      ['2027-05', may],
      ['2027-Q2', quarter(2)],
      ['2027', year2027],
    ] as const;
    const claims = await Promise.all(
      periods.map(async ([period, range]) => ({ period, claim: await months.claim('svc-a', range, { budgetId: `svc-a:${period}`, period }) })),
    );
    const winners = claims.flatMap(({ period, claim }) => ('attempt' in claim ? [{ attempt: claim.attempt, period }] : []));
    expect(winners).toHaveLength(1);
    const stored = await collection.find({}).toArray();
    expect(new Set(stored.map((month) => month.attempt))).toEqual(new Set([winners[0]?.attempt]));
    expect(stored).toHaveLength(periods.find(([period]) => period === winners[0]?.period)?.[1].months ?? -1);
  });

  it('keeps services apart, and frees released months for the next claim', async () => {
    const other = attemptOf(await months.claim('svc-b', quarter(2), { budgetId: 'svc-b:2027-Q2', period: '2027-Q2' }));
    expect(holdersOf(await months.claim('svc-b', may, { budgetId: 'svc-b:2027-05', period: '2027-05' }))).toMatchObject([{ _id: `svc-b:${may.firstMonth}`, period: '2027-Q2' }]);
    await months.release(other);
    attemptOf(await months.claim('svc-b', may, { budgetId: 'svc-b:2027-05', period: '2027-05' }));
  });

  it('takes back abandoned months only while the abandoned attempt still holds them', async () => {
    const abandoned = attemptOf(await months.claim('svc-c', quarter(1), { budgetId: 'svc-c:2027-Q1', period: '2027-Q1' }, new Date(Date.now() - 3_600_000)));
    const held = holdersOf(await months.claim('svc-c', quarter(1), { budgetId: 'svc-c:2027-Q1', period: '2027-Q1' }));
    expect(held.map((month) => month.attempt)).toEqual([abandoned, abandoned, abandoned]);

    await months.releaseAbandoned(held);
    const retaken = attemptOf(await months.claim('svc-c', quarter(1), { budgetId: 'svc-c:2027-Q1', period: '2027-Q1' }));
    // A stale view of the abandoned attempt no longer frees anything: the months are the new attempt's.
    await months.releaseAbandoned(held);
    expect(await collection.countDocuments({ attempt: retaken })).toBe(3);
  });
});
