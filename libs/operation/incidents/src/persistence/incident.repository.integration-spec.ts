import { CursorValue, NEWEST_FIRST_CURSOR, PageRequest, decodePageCursor, uuidV7 } from '@itsm/contracts';
import { INCIDENT_STATES, IncidentState, NEXT_DUE_CURSOR, OPEN_INCIDENT_STATES, PRIORITY_LEVELS, Priority } from '@itsm/contracts/operation';
import { MIGRATIONS_COLLECTION, TimeBucketPageRead, TimeBuckets, readTimeBucketPage } from '@itsm/persistence';
import { dueSlotOf } from '@itsm/service-runtime';
import { testServers, uniqueDatabaseName } from '@itsm/testing';
import { TimeBucketWalk, timeBucketsOf } from '@itsm/time-buckets';
import mongoose, { Connection, Model } from 'mongoose';
import { INCIDENT_LIST_BUCKETS_MIGRATION, INCIDENT_SLA_DUE_SLOT_MIGRATION, IncidentFieldsBackfill } from './incident-fields.backfill';
import { IncidentListFilter, IncidentRepository } from './incident.repository';
import { INCIDENT_LIST_BUCKETS, IncidentDocument, IncidentRecord, IncidentSchema } from './incident.schema';

const NOW = Date.now();
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A deterministic pseudo-random sequence in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** An incident in the stored shape, accepted at `acceptedAt` and stored 30 ms later (or at `storedAt`). */
function storedIncident(acceptedAt: number, fields: { state: IncidentState; priority: Priority; callerId: string }, storedAt = acceptedAt + 30): IncidentDocument {
  const id = uuidV7(acceptedAt);
  const stored = new Date(storedAt);
  return {
    _id: id,
    number: `INC-${id}`,
    title: `reported at ${new Date(acceptedAt).toISOString()}`,
    callerId: fields.callerId,
    impact: 2,
    urgency: 2,
    priority: fields.priority,
    state: fields.state,
    intakeMessageId: `message-${id}`,
    reportedAt: new Date(acceptedAt),
    createdAt: stored,
    updatedAt: stored,
    listBuckets: timeBucketsOf(id, stored),
    outbox: [],
    outboxSeq: 0,
    outboxPending: false,
  };
}

/** Integration: list pages read bucket by bucket, against the real MongoDB-wire server (FerretDB here). */
describe('IncidentRepository lists (real database)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('incident_lists');
  let connection: Connection;
  let incidents: Model<IncidentDocument>;
  let repository: IncidentRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrl, { dbName, ignoreUndefined: true }).asPromise();
    // Typed as the repository's injected model; the schema class's own type has no outbox fields.
    incidents = connection.model(IncidentRecord.name, IncidentSchema) as unknown as Model<IncidentDocument>;
    await incidents.init();
    repository = new IncidentRepository(incidents);
    // Mixed densities: a burst at the intake rate just now, a steady day, a sparse year, two ids ahead of the clock.
    const next = random(11);
    const fields = () => ({
      state: INCIDENT_STATES[Math.floor(next() * 3)] ?? 'new',
      priority: PRIORITY_LEVELS[Math.floor(next() * PRIORITY_LEVELS.length)] ?? 3,
      callerId: `caller-${Math.floor(next() * 4)}`,
    });
    const seeded = [
      ...Array.from({ length: 1_200 }, (_, index) => storedIncident(NOW - 2_000 - index * 2, fields())),
      ...Array.from({ length: 600 }, (_, index) => storedIncident(NOW - 10 * MINUTE - index * 2 * MINUTE, fields())),
      ...Array.from({ length: 400 }, () => storedIncident(NOW - DAY - Math.floor(next() * 365 * DAY), fields())),
      storedIncident(NOW + 20 * MINUTE, fields(), NOW),
      storedIncident(NOW + 3 * DAY, fields(), NOW),
    ];
    await incidents.collection.insertMany(seeded as never[]);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  /** What a plain sorted query returns after `after` (a cursor's id): the reference every page must equal. */
  async function sortedPage(filter: IncidentListFilter, after: string | undefined, limit: number): Promise<string[]> {
    const query: Record<string, unknown> = { ...filter };
    if (after !== undefined) query._id = { $lt: after };
    const found = await incidents.collection.find(query, { projection: { _id: 1 } }).sort({ _id: -1 }).limit(limit + 1).toArray();
    return found.map((incident) => String(incident._id));
  }

  /** Pages through `filter` with cursors, checking each page against the sorted query; how many pages it read. */
  async function pageThrough(read: (request: PageRequest) => Promise<{ items: IncidentRecord[]; nextCursor: string | null }>, filter: IncidentListFilter, limit: number): Promise<number> {
    let request: PageRequest = { limit };
    let pages = 0;
    for (;;) {
      const after = request.after?.[0] as string | undefined;
      const expected = await sortedPage(filter, after, limit);
      const page = await read(request);
      expect(page.items.map((record) => record._id)).toEqual(expected.slice(0, limit));
      expect(page.nextCursor !== null).toBe(expected.length > limit);
      pages += 1;
      if (page.nextCursor === null) return pages;
      request = { limit, after: decodePageCursor(page.nextCursor, NEWEST_FIRST_CURSOR) };
    }
  }

  it.each([
    ['no filter', {}, 150],
    ['state', { state: 'new' as const }, 50],
    ['priority', { priority: 2 as const }, 20],
    ['state and priority', { state: 'in_progress' as const, priority: 4 as const }, 50],
    ['caller (a requester\'s scope)', { callerId: 'caller-1' }, 200],
    ['caller and state', { callerId: 'caller-2', state: 'new' as const }, 7],
  ])('pages by %s exactly as the sorted query does, across dense and sparse buckets, cursor after cursor', async (_, filter: IncidentListFilter, limit) => {
    expect(await pageThrough((request) => repository.list(filter, request), filter, limit)).toBeGreaterThan(1);
  });

  it('gives the sorted query\'s pages when coarse reads are given up and read again finer', async () => {
    // The same walk with a 1 ms limit on every coarse read: FerretDB answers none that fast, so each is given up (or its batch, cut short at the deadline, discarded) and split.
    let splits = 0;
    const tight = (read: TimeBucketPageRead | undefined) => (read?.timeLimitMs === undefined ? read : { ...read, timeLimitMs: 1 });
    const hurried: TimeBuckets = {
      field: INCIDENT_LIST_BUCKETS.field,
      walk: (need, beforeId) => {
        const walk = new TimeBucketWalk(need, beforeId, new Date());
        return { next: (returned) => tight(walk.next(returned)), split: () => ((splits += 1), tight(walk.split())) };
      },
    };
    const filter = { state: 'new' as const };
    await pageThrough((request) => readTimeBucketPage<IncidentRecord>(incidents.collection, filter, hurried, request), filter, 50);
    if (process.env.ITSM_MONGO_SERVER === 'ferretdb') expect(splits).toBeGreaterThan(0);
  });

  it('shows no storage fields in what it returns', async () => {
    const { items } = await repository.list({}, { limit: 1 });
    expect(Object.keys(items[0] ?? {})).not.toEqual(expect.arrayContaining(['listBuckets']));
    expect(Object.keys(items[0] ?? {})).not.toEqual(expect.arrayContaining(['outbox']));
    const found = await repository.findById(items[0]?._id ?? '');
    expect(Object.keys(found ?? {})).not.toEqual(expect.arrayContaining(['listBuckets']));
  });

  it('lists incidents stored before list buckets existed once the backfill has run, and runs it once', async () => {
    const old = [storedIncident(NOW - 40 * DAY, { state: 'new', priority: 1, callerId: 'old-caller' }), storedIncident(NOW - 90 * MINUTE, { state: 'new', priority: 1, callerId: 'old-caller' })];
    await incidents.collection.insertMany(old.map(({ listBuckets: _, ...incident }) => incident) as never[]);
    expect((await repository.list({ callerId: 'old-caller' }, { limit: 50 })).items).toEqual([]);

    const backfill = new IncidentFieldsBackfill(incidents);
    expect(await backfill.backfillListBuckets()).toBe(2);
    const listed = (await repository.list({ callerId: 'old-caller' }, { limit: 50 })).items.map((record) => record._id);
    expect(listed).toEqual(old.map((incident) => incident._id).sort().reverse());
    const stored = await incidents.collection.findOne({ _id: old[0]?._id as never });
    expect(stored?.listBuckets).toEqual(old[0]?.listBuckets);
    expect(await connection.db?.collection(MIGRATIONS_COLLECTION).findOne({ _id: INCIDENT_LIST_BUCKETS_MIGRATION as never })).toMatchObject({ completedAt: expect.any(Date) });
    // Done once: a later start reads the marker and touches nothing, not even an incident stored without buckets since.
    await incidents.collection.insertOne(storedIncidentWithoutBuckets(NOW - 3 * DAY) as never);
    expect(await backfill.backfillListBuckets()).toBe(0);
  });

  it('ends the backfill without an error when two instances finish it at the same moment (two intakes starting together)', async () => {
    const migrations = connection.db?.collection(MIGRATIONS_COLLECTION);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await migrations?.deleteOne({ _id: INCIDENT_LIST_BUCKETS_MIGRATION as never });
      const passes = await Promise.all([new IncidentFieldsBackfill(incidents).backfillListBuckets(), new IncidentFieldsBackfill(incidents).backfillListBuckets()]);
      expect(passes.every((filled) => typeof filled === 'number')).toBe(true);
      expect(await migrations?.countDocuments({ _id: INCIDENT_LIST_BUCKETS_MIGRATION as never })).toBe(1);
    }
  });

  it('gives ticking incidents stored before SLA due slots existed their slot, and only those', async () => {
    const due = new Date(NOW + 95 * MINUTE + 12_345);
    const ticking = { ...storedIncident(NOW - 2 * DAY, { state: 'new', priority: 2, callerId: 'slot-caller' }), slaNextDueAt: due, slaTicking: true };
    const stopped = storedIncident(NOW - 2 * DAY + 1, { state: 'closed', priority: 2, callerId: 'slot-caller' });
    await incidents.collection.insertMany([ticking, stopped] as never[]);
    expect(await new IncidentFieldsBackfill(incidents).backfillSlaDueSlots()).toBe(1);
    expect((await incidents.collection.findOne({ _id: ticking._id as never }))?.slaDueSlot).toBe(dueSlotOf(due));
    expect((await incidents.collection.findOne({ _id: stopped._id as never }))?.slaDueSlot).toBeUndefined();
    expect(await connection.db?.collection(MIGRATIONS_COLLECTION).findOne({ _id: INCIDENT_SLA_DUE_SLOT_MIGRATION as never })).toMatchObject({ completedAt: expect.any(Date) });
    expect(await new IncidentFieldsBackfill(incidents).backfillSlaDueSlots()).toBe(0);
  });

  describe('the work queue (sort=slaNextDueAt) over every mix of breached, ticking and state', () => {
    type Queued = IncidentDocument & { slaBreached?: boolean; slaTicking?: true; slaNextDueAt?: Date };
    const queued: Queued[] = [];
    const isOpen = (incident: Queued) => (OPEN_INCIDENT_STATES as readonly string[]).includes(incident.state);
    /** The queue's order computed in memory from the stored fields: open breached by priority then id, ticking by due then id, the rest newest first. */
    const expectedQueue = (filter: (incident: Queued) => boolean) => {
      const among = queued.filter(filter);
      const byId = (a: Queued, b: Queued) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
      const first = among.filter((incident) => incident.slaBreached === true && isOpen(incident)).sort((a, b) => a.priority - b.priority || byId(a, b));
      const second = among.filter((incident) => incident.slaTicking === true && !first.includes(incident)).sort((a, b) => Number(a.slaNextDueAt) - Number(b.slaNextDueAt) || byId(a, b));
      const rest = among.filter((incident) => !first.includes(incident) && !second.includes(incident)).sort(byId).reverse();
      return [...first, ...second, ...rest].map((incident) => incident._id);
    };
    /** Every page of the queue under `filter`, `limit` at a time, following the cursors as a client would (decoded by the query's shape). */
    const walkQueue = async (filter: IncidentListFilter, limit: number) => {
      const ids: string[] = [];
      let after: CursorValue[] | undefined;
      for (let pages = 0; pages < 200; pages += 1) {
        const page = await repository.list(filter, { limit, ...(after ? { after } : {}) }, 'slaNextDueAt');
        expect(page.items.length).toBeLessThanOrEqual(limit);
        ids.push(...page.items.map((incident) => incident._id));
        if (page.nextCursor === null) return ids;
        expect(page.items).toHaveLength(limit);
        after = decodePageCursor(page.nextCursor, NEXT_DUE_CURSOR);
      }
      throw new Error('the queue did not end');
    };

    beforeAll(async () => {
      // Every state with breached or not and ticking or not, at two priorities: an incident breached on one
      // target may still have another clock running (ticking), and a resolved one a clock that stops only at closure.
      const next = random(29);
      for (const state of INCIDENT_STATES) {
        for (const breached of [true, false, undefined]) {
          for (const ticking of [true, false]) {
            for (const priority of [1, 4] as const) {
              const incident: Queued = storedIncident(NOW - Math.floor(next() * 30 * DAY), { state, priority, callerId: 'queue-caller' });
              if (breached !== undefined) incident.slaBreached = breached;
              if (ticking) Object.assign(incident, { slaTicking: true, slaNextDueAt: new Date(NOW + Math.floor(next() * 4) * MINUTE), slaDueSlot: 'queue' });
              queued.push(incident);
            }
          }
        }
      }
      await incidents.collection.insertMany(queued as never[]);
    });

    it.each([1, 2, 3, 7, 24, 200])('pages the three parts %i at a time, each incident once, in the order computed from the stored fields', async (limit) => {
      const expected = expectedQueue(() => true);
      expect(expected.slice(0, 3).every((id) => queued.find((incident) => incident._id === id)?.slaBreached === true)).toBe(true);
      expect(await walkQueue({ callerId: 'queue-caller' }, limit)).toEqual(expected);
    });

    it.each([
      ['an open state', { state: 'on_hold' as const }, (incident: Queued) => incident.state === 'on_hold'],
      ['a state that is not open', { state: 'resolved' as const }, (incident: Queued) => incident.state === 'resolved'],
      ['breached', { slaBreached: true }, (incident: Queued) => incident.slaBreached === true],
      ['not breached', { slaBreached: false }, (incident: Queued) => incident.slaBreached !== true],
      ['a priority', { priority: 1 as const }, (incident: Queued) => incident.priority === 1],
      ['due before an instant', { slaNextDueBefore: new Date(NOW + MINUTE) }, (incident: Queued) => incident.slaNextDueAt !== undefined && Number(incident.slaNextDueAt) <= NOW + MINUTE],
    ])('combines with the filter %s, two at a time', async (_, filter: IncidentListFilter, matches) => {
      expect(await walkQueue({ callerId: 'queue-caller', ...filter }, 2)).toEqual(expectedQueue(matches));
    });
  });
});

function storedIncidentWithoutBuckets(acceptedAt: number): IncidentDocument {
  const { listBuckets: _, ...incident } = storedIncident(acceptedAt, { state: 'closed', priority: 5, callerId: 'late-caller' });
  return incident;
}
