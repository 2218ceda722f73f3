import { Principal, createCloudEvent, encodePageCursor, uuidV7 } from '@itsm/contracts';
import { SLA_DEFINED_V1, SlaDefinedV1 } from '@itsm/contracts/design';
import { IncidentView, NO_NEXT_DUE } from '@itsm/contracts/operation';
import { loadConfig } from '@itsm/config';
import { ASSIGNMENT_GROUPS_COLLECTION, ChangeIncident, RegisterIncident, SlaSweep } from '@itsm/operation/incidents';
import { RecordDesignDefinitions } from '@itsm/operation/service-levels';
import { SWEEPS_ONLY_WHEN_RUN, internalToken, operationTestEnv, registerIncidentCommand, testServers, uniqueDatabaseName } from '@itsm/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import mongoose from 'mongoose';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

const MINUTE = 60_000;
const CONDITIONS = { start: ['new'], pause: ['on_hold'], resume: ['in_progress'], stop: ['resolved', 'closed'], reset: [], cancel: ['cancelled'] } as SlaDefinedV1['conditions'];

/**
 * Integration: the agents' work queue, `GET /v1/incidents?sort=slaNextDueAt` over operation's HTTP routes (internal
 * tokens as the gateway signs them) against the real broker and database, with clocks the SLA engine attached at
 * intake (24x7, a warning at 50 %): running clocks soonest next due first (ties by id), then incidents whose clocks
 * are paused or that have none, newest first; paged by cursor across both parts at every page size; combined with
 * the filters and a requester's own-incidents restriction; a bad sort or a cursor of the other order is 400.
 * Then, with breached incidents added (last block): the open breached work first (most severe priority first, then
 * oldest), then the running clocks, then the rest; paged across the three parts; cursors issued before the first
 * part existed still page.
 */
describe('incident work queue: the list by next SLA due time (real servers)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('work_queue');
  const config = loadConfig(OperationConfig, operationTestEnv(dbName, { ...SWEEPS_ONLY_WHEN_RUN, ITSM_LOG_LEVEL: 'error' }));
  const caller: Principal = { userId: 'caller-1', roles: ['requester'], groups: [] };
  const otherCaller: Principal = { userId: 'caller-2', roles: ['requester'], groups: [] };
  const agent: Principal = { userId: 'agent-1', roles: ['service_desk_agent'], groups: ['network'] };
  const slaFast = uuidV7();
  const slaSlow = uuidV7();
  /** The tests' "now", on a minute, so the due instants below are exact. */
  const T0 = Math.floor(Date.now() / MINUTE) * MINUTE;
  let app: NestFastifyApplication;
  let db: mongoose.Connection;

  type Answer = { items: IncidentView[]; nextCursor: string | null; errors: Array<{ field: string }> };
  const call = async (who: Principal, url: string) => {
    const token = await internalToken({ sub: who.userId, roles: who.roles, groups: who.groups });
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: { 'x-itsm-principal': token } });
    return { status: response.statusCode, body: response.json() as Answer };
  };
  /** Every page of `query` (`limit` at a time), following nextCursor; the ids in the order read and the pages' sizes. */
  const walk = async (who: Principal, query: string, limit: number) => {
    const ids: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(who, `/v1/incidents?${query}&limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((incident) => incident.id));
      sizes.push(page.body.items.length);
      cursor = page.body.nextCursor;
    } while (cursor !== null && sizes.length < 20);
    return { ids, sizes };
  };
  /** An incident reported by `who` at T0 + `offsetMinutes`, registered by intake then: impact 2 × urgency 1 is P2, 2 × 2 P3, 3 × 3 P5. */
  const report = async (who: Principal, offsetMinutes: number, impact: 2 | 3, urgency: 1 | 2 | 3): Promise<string> => {
    const reportedAt = new Date(T0 + offsetMinutes * MINUTE);
    const command = registerIncidentCommand(who, `reported at ${offsetMinutes} min`, { impact, urgency, reportedAt: reportedAt.toISOString() });
    await app.get(RegisterIncident).execute(command, reportedAt);
    return command.data.incidentId;
  };
  const stored = (id: string) => db.collection('incidents').findOne<Record<string, unknown>>({ _id: id as never });

  /** Ids by role in the queue (see beforeAll). */
  let soonest: string, first: string, tiedEarlier: string, tiedLater: string, latest: string, paused: string, none: string;
  /** Of the two due at the same instant, the one assigned to the group. */
  let tiedInGroup: string;
  /** Running clocks in the queue's order (the head). */
  const running = () => [soonest, first, tiedEarlier, tiedLater, latest];

  beforeAll(async () => {
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    await db.collection(ASSIGNMENT_GROUPS_COLLECTION).insertOne({ _id: 'network' as never, memberIds: ['agent-1'], active: true });
    app = await createOperationApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    // Design's definitions, as the intake role records them: 24x7 (no calendar), one warning at 50 %, no response target.
    const record = app.get(RecordDesignDefinitions);
    const sla = (slaId: string, priorities: number[], resolutionMinutes: number) =>
      createCloudEvent(
        SLA_DEFINED_V1,
        slaId,
        { slaId, version: 1, name: `P${priorities.join('')} H+${resolutionMinutes / 60}`, kind: 'sla', appliesTo: { recordType: 'incident', priorities }, targets: { resolutionMinutes }, conditions: CONDITIONS, warningThresholds: [50] } as SlaDefinedV1,
        { service: 'design' },
      );
    await record.slaDefined(sla(slaFast, [1, 2], 240));
    await record.slaDefined(sla(slaSlow, [3, 4], 480));

    // Next due (the 50 % warning): P2 reported at t is due t + 2 h, P3 t + 4 h; P5 has no SLA.
    soonest = await report(otherCaller, -120, 2, 1); // T0
    first = await report(caller, 0, 2, 1); // T0 + 2 h
    const tied = [await report(caller, 60, 2, 1), await report(caller, -60, 2, 2)]; // both T0 + 3 h
    [tiedEarlier, tiedLater] = [...tied].sort() as [string, string];
    latest = await report(caller, 0, 2, 2); // T0 + 4 h
    paused = await report(caller, -30, 2, 1); // put on hold below: its only clock paused
    none = await report(caller, 0, 3, 3); // P5: no clock at all
    const change = app.get(ChangeIncident);
    await change.execute(paused, 1, { kind: 'hold', reason: 'awaiting_vendor' }, { actor: agent }, new Date(T0));
    await change.execute(first, 1, { kind: 'assign', groupId: 'network' }, { actor: agent }, new Date(T0));
    tiedInGroup = tied[0] ?? '';
    await change.execute(tiedInGroup, 1, { kind: 'assign', groupId: 'network' }, { actor: agent }, new Date(T0));
  });

  afterAll(async () => {
    await app?.close();
    await db?.dropDatabase();
    await db?.close();
  });

  it('stores what the order reads: the next due instants, and none for a paused clock or no SLA', async () => {
    expect(await stored(soonest)).toMatchObject({ slaTicking: true, slaNextDueAt: new Date(T0) });
    expect(await stored(first)).toMatchObject({ slaTicking: true, slaNextDueAt: new Date(T0 + 120 * MINUTE) });
    expect(await stored(tiedEarlier)).toMatchObject({ slaTicking: true, slaNextDueAt: new Date(T0 + 180 * MINUTE) });
    expect(await stored(tiedLater)).toMatchObject({ slaTicking: true, slaNextDueAt: new Date(T0 + 180 * MINUTE) });
    expect(await stored(latest)).toMatchObject({ slaTicking: true, slaNextDueAt: new Date(T0 + 240 * MINUTE) });
    for (const id of [paused, none]) expect(await stored(id)).not.toHaveProperty('slaTicking');
    expect((await stored(paused))?.state).toBe('on_hold');
    const indexes = (await db.collection('incidents').indexes()).map((index) => index.key);
    expect(indexes).toContainEqual({ slaTicking: 1, slaNextDueAt: 1, _id: 1 });
    expect(indexes).toContainEqual({ assignmentGroupId: 1, slaTicking: 1, slaNextDueAt: 1, _id: 1 });
  });

  it('lists running clocks soonest first, ties by id, then paused and clockless incidents newest first', async () => {
    const queue = await call(agent, '/v1/incidents?sort=slaNextDueAt');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((incident) => incident.id)).toEqual([...running(), none, paused]);
    expect(queue.body.nextCursor).toBeNull();
    // The default order is unchanged: newest first by id.
    const newest = await call(agent, '/v1/incidents?sort=newest');
    const byDefault = await call(agent, '/v1/incidents');
    expect(newest.body.items.map((incident) => incident.id)).toEqual([...running(), paused, none].sort().reverse());
    expect(byDefault.body.items.map((incident) => incident.id)).toEqual(newest.body.items.map((incident) => incident.id));
  });

  it.each([1, 2, 3, 5, 6, 7])('pages across the sort %i at a time, each incident once, in the order of one read', async (limit) => {
    const { ids, sizes } = await walk(agent, 'sort=slaNextDueAt', limit);
    expect(ids).toEqual([...running(), none, paused]);
    expect(sizes.slice(0, -1).every((size) => size === limit)).toBe(true);
  });

  it('combines with the filters: a group\'s queue, due before an instant, a state, not breached', async () => {
    const ids = async (query: string) => (await call(agent, `/v1/incidents?sort=slaNextDueAt&${query}`)).body.items.map((incident) => incident.id);
    expect(await ids('assignmentGroupId=network')).toEqual(running().filter((id) => id === first || id === tiedInGroup));
    expect(await ids(`slaNextDueBefore=${new Date(T0 + 180 * MINUTE).toISOString()}`)).toEqual([soonest, first, tiedEarlier, tiedLater]);
    expect(await ids('state=on_hold')).toEqual([paused]);
    expect(await ids('slaBreached=false&priority=5')).toEqual([none]);
    const dueSoon = await walk(agent, `sort=slaNextDueAt&slaNextDueBefore=${new Date(T0 + 180 * MINUTE).toISOString()}`, 2);
    expect(dueSoon).toEqual({ ids: [soonest, first, tiedEarlier, tiedLater], sizes: [2, 2] });
  });

  it('keeps a requester to their own incidents, whatever callerId says', async () => {
    expect((await walk(caller, 'sort=slaNextDueAt&callerId=caller-2', 2)).ids).toEqual([first, tiedEarlier, tiedLater, latest, none, paused]);
    expect((await call(otherCaller, '/v1/incidents?sort=slaNextDueAt')).body.items.map((incident) => incident.id)).toEqual([soonest]);
  });

  it('refuses an unknown order and a cursor of the other order with 400 naming the field', async () => {
    const unknown = await call(agent, '/v1/incidents?sort=priority');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((error) => error.field)).toEqual(['sort']);
    const newestCursor = (await call(agent, '/v1/incidents?limit=1')).body.nextCursor ?? '';
    const queueCursor = (await call(agent, '/v1/incidents?sort=slaNextDueAt&limit=1')).body.nextCursor ?? '';
    for (const url of [`/v1/incidents?sort=slaNextDueAt&cursor=${newestCursor}`, `/v1/incidents?cursor=${queueCursor}`]) {
      const refused = await call(agent, url);
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((error) => error.field)).toEqual(['cursor']);
    }
  });

  describe('with breached incidents: the open breached work comes first', () => {
    /** Breached and open, in the queue's order: two P2 (new; on hold), one P3 (in progress). */
    let breachedP2: string, breachedP2Held: string, breachedP3: string;
    /** Breached, then resolved: no longer open work, so among the rest. */
    let breachedResolved: string;
    const queue = () => [breachedP2, breachedP2Held, breachedP3, ...running(), breachedResolved, none, paused];
    const version = async (id: string) => Number((await stored(id))?.version);

    beforeAll(async () => {
      // P2 breaches 4 h after it is reported, P3 8 h: all four are past due when the sweep runs a minute before T0,
      // which fires nothing of the incidents above (the soonest falls due at T0).
      breachedP2 = await report(caller, -400, 2, 1);
      breachedP2Held = await report(otherCaller, -300, 2, 1);
      breachedP3 = await report(caller, -600, 2, 2);
      breachedResolved = await report(caller, -300, 2, 1);
      await app.get(SlaSweep).sweep(new Date(T0 - MINUTE));
      const change = app.get(ChangeIncident);
      await change.execute(breachedP2Held, await version(breachedP2Held), { kind: 'hold', reason: 'awaiting_vendor' }, { actor: agent }, new Date(T0));
      await change.execute(breachedP3, await version(breachedP3), { kind: 'assign', groupId: 'network' }, { actor: agent }, new Date(T0));
      await change.execute(breachedP3, await version(breachedP3), { kind: 'start' }, { actor: agent }, new Date(T0));
      await change.execute(breachedResolved, await version(breachedResolved), { kind: 'resolve', code: 'solved_permanently', notes: 'replaced the switch' }, { actor: agent }, new Date(T0));
    });

    it('stores what the first part reads: breached, the state, no running clock once every clock breached', async () => {
      expect(await stored(breachedP2)).toMatchObject({ slaBreached: true, state: 'new', priority: 2 });
      expect(await stored(breachedP2Held)).toMatchObject({ slaBreached: true, state: 'on_hold', priority: 2 });
      expect(await stored(breachedP3)).toMatchObject({ slaBreached: true, state: 'in_progress', priority: 3, assignmentGroupId: 'network' });
      expect(await stored(breachedResolved)).toMatchObject({ slaBreached: true, state: 'resolved' });
      for (const id of [breachedP2, breachedP2Held, breachedP3, breachedResolved]) expect(await stored(id)).not.toHaveProperty('slaTicking');
      expect(await stored(soonest)).toMatchObject({ slaTicking: true, slaNextDueAt: new Date(T0) });
      const indexes = (await db.collection('incidents').indexes()).map((index) => index.key);
      expect(indexes).toContainEqual({ slaBreached: 1, state: 1, priority: 1, _id: 1 });
      expect(indexes).toContainEqual({ assignmentGroupId: 1, slaBreached: 1, state: 1, priority: 1, _id: 1 });
    });

    it('lists the open breached incidents first (priority, then oldest), then running clocks, then the rest newest first', async () => {
      const page = await call(agent, '/v1/incidents?sort=slaNextDueAt');
      expect(page.status).toBe(200);
      expect(page.body.items.map((incident) => incident.id)).toEqual(queue());
      expect(page.body.nextCursor).toBeNull();
    });

    it.each([1, 2, 3, 4, 8, 9])('pages across the three parts %i at a time, each incident once, in the order of one read', async (limit) => {
      const { ids, sizes } = await walk(agent, 'sort=slaNextDueAt', limit);
      expect(ids).toEqual(queue());
      expect(sizes.slice(0, -1).every((size) => size === limit)).toBe(true);
    });

    it('combines with the filters and keeps a requester to their own incidents', async () => {
      const ids = async (query: string) => (await call(agent, `/v1/incidents?sort=slaNextDueAt&${query}`)).body.items.map((incident) => incident.id);
      expect(await ids('slaBreached=true')).toEqual([breachedP2, breachedP2Held, breachedP3, breachedResolved]);
      expect(await ids('slaBreached=false')).toEqual([...running(), none, paused]);
      expect(await ids('state=on_hold')).toEqual([breachedP2Held, paused]);
      expect(await ids('state=resolved')).toEqual([breachedResolved]);
      expect(await ids('priority=3')).toEqual([breachedP3, [tiedEarlier, tiedLater].find((id) => id !== tiedInGroup), latest]);
      expect(await ids('assignmentGroupId=network')).toEqual([breachedP3, ...running().filter((id) => id === first || id === tiedInGroup)]);
      expect((await walk(caller, 'sort=slaNextDueAt&callerId=caller-2', 1)).ids).toEqual([breachedP2, breachedP3, first, tiedEarlier, tiedLater, latest, breachedResolved, none, paused]);
      expect((await walk(otherCaller, 'sort=slaNextDueAt', 1)).ids).toEqual([breachedP2Held, soonest]);
    });

    it('still pages from a cursor issued before the first part existed, and refuses a breached key of no priority', async () => {
      const dueOfFirst = encodePageCursor([T0 + 120 * MINUTE, first]);
      const after = async (cursor: string) => (await call(agent, `/v1/incidents?sort=slaNextDueAt&cursor=${cursor}`)).body.items.map((incident) => incident.id);
      expect(await after(dueOfFirst)).toEqual([tiedEarlier, tiedLater, latest, breachedResolved, none, paused]);
      expect(await after(encodePageCursor([NO_NEXT_DUE, none]))).toEqual([paused]);
      const refused = await call(agent, `/v1/incidents?sort=slaNextDueAt&cursor=${encodePageCursor(['breached-p9', breachedP2])}`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((error) => error.field)).toEqual(['cursor']);
    });
  });
});
