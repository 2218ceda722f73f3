import { Principal, StateConflictError, VersionConflictError, uuidV7 } from '@itsm/contracts';
import { INCIDENT_CLOSED_V1, INCIDENT_COMMENTED_V1 } from '@itsm/contracts/operation';
import { loadConfig } from '@itsm/config';
import { ASSIGNMENT_GROUPS_COLLECTION, AutoCloseSweep, ChangeIncident, IncidentLifecycleRepository, RegisterIncident } from '@itsm/operation/incidents';
import { EventTap, SWEEPS_ONLY_WHEN_RUN, appInstances, operationTestEnv, registerIncidentCommand, testServers, uniqueDatabaseName } from '@itsm/testing';
import { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

/** Integration: the incident lifecycle's use case, store, events and auto-close sweep against the real broker and database. */
describe('incident lifecycle (real servers)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('lifecycle');
  const config = loadConfig(
    OperationConfig,
    operationTestEnv(dbName, { ...SWEEPS_ONLY_WHEN_RUN, ITSM_INCIDENT_AUTO_CLOSE_AFTER_SECONDS: '3600', ITSM_INCIDENT_CALLER_REOPEN_WITHIN_SECONDS: '600' }),
  );
  const caller: Principal = { userId: 'caller-1', roles: ['requester'], groups: [] };
  const agent: Principal = { userId: 'agent-1', roles: ['service_desk_agent'], groups: ['network'] };
  const resolver: Principal = { userId: 'resolver-1', roles: ['resolver'], groups: ['network'] };
  const outsider: Principal = { userId: 'resolver-2', roles: ['resolver'], groups: ['databases'] };
  const instances = appInstances(() => createOperationApp(config));
  let db: mongoose.Connection;
  let tap: EventTap;

  /** An operation instance with both roles, its listeners not started (the use cases are called directly). */
  const instance = instances.start;
  const report = async (app: INestApplication, title: string): Promise<string> => {
    const command = registerIncidentCommand(caller, title);
    await app.get(RegisterIncident).execute(command);
    return command.data.incidentId;
  };

  beforeAll(async () => {
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    // The groups the lifecycle reads, seeded where AssignmentGroupLookup reads them.
    await db.collection(ASSIGNMENT_GROUPS_COLLECTION).insertMany([
      { _id: 'network' as never, memberIds: ['resolver-1', 'agent-1'], active: true },
      { _id: 'databases' as never, memberIds: ['resolver-2'], active: true },
      { _id: 'retired' as never, memberIds: [], active: false },
    ]);
    tap = await EventTap.open(amqpUrl, 'itsm.operation.incident.#');
  });

  afterAll(async () => {
    await instances.closeAll();
    await tap.close();
    await db.dropDatabase();
    await db.close();
  });

  it('takes an incident from New through assignment, work, hold, resolution, the caller\'s reopening to Closed, with version, KPIs, events and timeline', async () => {
    const app = await instance();
    const change = app.get(ChangeIncident);
    const id = await report(app, 'VPN drops every hour');
    const t0 = new Date();
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

    let changed = await change.execute(id, 1, { kind: 'assign', groupId: 'network', assigneeId: 'resolver-1' }, { actor: agent }, at(1));
    expect(changed).toMatchObject({ version: 2, incident: { assignmentGroupId: 'network', assigneeId: 'resolver-1', kpis: { firstResponseAt: at(1) } } });
    changed = await change.execute(id, 2, { kind: 'start' }, { actor: resolver }, at(2));
    changed = await change.execute(id, 3, { kind: 'hold', reason: 'awaiting_vendor', workNote: 'ticket 42 with the vendor' }, { actor: resolver }, at(3));
    changed = await change.execute(id, 4, { kind: 'resume' }, { actor: resolver }, at(13));
    changed = await change.execute(id, 5, { kind: 'resolve', code: 'solved_permanently', notes: 'new firmware' }, { actor: resolver }, at(20));
    expect(changed.incident.resolution?.autoCloseAt).toEqual(at(80));
    changed = await change.execute(id, 6, { kind: 'reopen', reason: 'it dropped again' }, { actor: caller }, at(25));
    changed = await change.execute(id, 7, { kind: 'resolve', code: 'solved_workaround', notes: 'split tunnel' }, { actor: resolver }, at(30));
    changed = await change.execute(id, 8, { kind: 'close' }, { actor: caller }, at(31));
    expect(changed).toMatchObject({ version: 9, incident: { state: 'closed', closedAt: at(31), kpis: { reopenCount: 1, reassignmentCount: 0 } } });
    const { new: asNew, ...timeInStates } = changed.incident.kpis.timeInStateMs;
    expect(timeInStates).toEqual({ in_progress: 13 * 60_000, on_hold: 10 * 60_000, resolved: 6 * 60_000 });
    expect(asNew).toBeGreaterThanOrEqual(2 * 60_000); // reported a few ms before t0

    const stored = await db.collection('incidents').findOne({ _id: id as never });
    expect(stored).toMatchObject({ version: 9, state: 'closed', timelineSeq: 10 });
    const repository = app.get(IncidentLifecycleRepository);
    const everything = await repository.timeline(id, {}, false, { limit: 50 });
    expect(everything?.items.map((entry) => entry.type)).toEqual([
      'responded', 'assigned', 'state-changed', 'state-changed', 'commented', 'state-changed', 'resolved', 'reopened', 'resolved', 'closed',
    ]);
    const forTheCaller = await repository.timeline(id, { callerId: caller.userId }, true, { limit: 50 });
    expect(forTheCaller?.items.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10]);
    expect(await repository.timeline(id, { callerId: 'someone-else' }, true, { limit: 50 })).toBeNull();
    const firstPage = await repository.timeline(id, {}, false, { limit: 4 });
    const secondPage = await repository.timeline(id, {}, false, { limit: 4, after: [4] });
    expect(firstPage?.nextCursor).not.toBeNull();
    expect(secondPage?.items.map((entry) => entry.seq)).toEqual([5, 6, 7, 8]);

    const closed = await tap.waitFor((message) => message.body.subject === id && message.body.type === INCIDENT_CLOSED_V1.type);
    expect(closed.body.data).toMatchObject({ incidentId: id, version: 9, by: caller.userId, from: 'resolved', to: 'closed', automatic: false });
  });

  it('refuses a stale version with 409, a resolver outside the group with 403, an unknown or inactive group naming groupId, and another requester\'s incident with 404', async () => {
    const app = await instance();
    const change = app.get(ChangeIncident);
    const id = await report(app, 'printer on fire');
    await change.execute(id, 1, { kind: 'assign', groupId: 'network' }, { actor: agent });
    await expect(change.execute(id, 1, { kind: 'start' }, { actor: resolver })).rejects.toBeInstanceOf(VersionConflictError);
    await expect(change.execute(id, 2, { kind: 'start' }, { actor: outsider })).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(change.execute(id, 2, { kind: 'assign', groupId: 'nobody' }, { actor: agent })).rejects.toMatchObject({ name: 'RuleViolationError', issues: [{ field: 'groupId' }] });
    await expect(change.execute(id, 2, { kind: 'assign', groupId: 'retired' }, { actor: agent })).rejects.toMatchObject({ issues: [{ field: 'groupId' }] });
    await expect(change.execute(id, 2, { kind: 'work-note', text: 'internal' }, { actor: caller })).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(change.execute(id, 2, { kind: 'comment', text: 'mine?' }, { actor: { ...caller, userId: 'caller-2' } })).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(change.execute(id, 2, { kind: 'close' }, { actor: agent })).rejects.toBeInstanceOf(StateConflictError);
    expect(await db.collection('incidents').findOne({ _id: id as never })).toMatchObject({ version: 2, state: 'new' });
  });

  it('loses no change when two instances update one incident at once (each retries its 409s)', async () => {
    const [first, second] = [await instance(), await instance()];
    const id = await report(first, 'shared drive slow');
    const comments = async (app: INestApplication, who: string, count: number) => {
      const change = app.get(ChangeIncident);
      const repository = app.get(IncidentLifecycleRepository);
      for (let index = 0; index < count; index += 1) {
        for (;;) {
          const read = await repository.findForChange(id);
          try {
            await change.execute(id, read?.version, { kind: 'work-note', text: `${who} ${index}` }, { actor: agent });
            break;
          } catch (error) {
            if (!(error instanceof VersionConflictError)) throw error;
          }
        }
      }
    };
    await Promise.all([comments(first, 'first', 15), comments(second, 'second', 15)]);
    const stored = await db.collection('incidents').findOne({ _id: id as never });
    expect(stored).toMatchObject({ version: 31, timelineSeq: 30 });
    const texts = (stored?.timeline as Array<{ text: string }>).map((entry) => entry.text);
    expect(new Set(texts).size).toBe(30);
  });

  it('lands two comments sent at once without a version on two instances (appended to the current version), in the timeline and as two events; a version given is still checked', async () => {
    const [first, second] = [await instance(), await instance()];
    const id = await report(first, 'calendar invites vanish');
    const [fromCaller, fromDesk] = await Promise.all([
      first.get(ChangeIncident).execute(id, undefined, { kind: 'comment', text: 'it happened again' }, { actor: caller }),
      second.get(ChangeIncident).execute(id, undefined, { kind: 'comment', text: 'we are looking' }, { actor: agent }),
    ]);
    expect([fromCaller.version, fromDesk.version].sort()).toEqual([2, 3]);

    const stored = await db.collection('incidents').findOne({ _id: id as never });
    expect(stored).toMatchObject({ version: 3, timelineSeq: 3 }); // the desk's comment is also the first response
    const timeline = await first.get(IncidentLifecycleRepository).timeline(id, {}, false, { limit: 50 });
    expect(timeline?.items.map((entry) => [entry.type, (entry as { text?: string }).text]).sort()).toEqual([
      ['commented', 'it happened again'],
      ['commented', 'we are looking'],
      ['responded', undefined],
    ]);
    const commented = (text: string) => tap.waitFor((message) => message.body.subject === id && message.body.type === INCIDENT_COMMENTED_V1.type && (message.body.data as { text: string }).text === text);
    const events = await Promise.all([commented('it happened again'), commented('we are looking')]);
    expect(events.map((event) => (event.body.data as { version: number }).version).sort()).toEqual([2, 3]);

    await expect(first.get(ChangeIncident).execute(id, 2, { kind: 'comment', text: 'stale' }, { actor: caller })).rejects.toBeInstanceOf(VersionConflictError);
    expect(await db.collection('incidents').findOne({ _id: id as never })).toMatchObject({ version: 3, timelineSeq: 3 });
  });

  it('auto-closes resolved incidents once due, once, whichever instances sweep', async () => {
    const [first, second] = [await instance(), await instance()];
    const change = first.get(ChangeIncident);
    const due = await report(first, 'resolved long ago');
    const notDue = await report(first, 'resolved just now');
    const now = Date.now();
    const minutes = (count: number) => new Date(now + count * 60_000);
    // Auto-close after an hour (the config above): due at +60 and +150 minutes.
    await change.execute(due, 1, { kind: 'resolve', code: 'solved_permanently', notes: 'done' }, { actor: agent }, minutes(0));
    await change.execute(notDue, 1, { kind: 'resolve', code: 'solved_permanently', notes: 'done' }, { actor: agent }, minutes(90));

    const closedBy = await Promise.all([first.get(AutoCloseSweep).sweep(minutes(70)), second.get(AutoCloseSweep).sweep(minutes(70))]);
    expect(closedBy[0] + closedBy[1]).toBe(1);
    expect(await db.collection('incidents').findOne({ _id: due as never })).toMatchObject({ state: 'closed', version: 3 });
    expect(await db.collection('incidents').findOne({ _id: notDue as never })).toMatchObject({ state: 'resolved', version: 2 });
    const closed = await tap.waitFor((message) => message.body.subject === due && message.body.type === INCIDENT_CLOSED_V1.type);
    expect(closed.body.data).toMatchObject({ automatic: true, by: 'system:operation' });
  });

  it('moves an incident stored before the lifecycle existed (no version, no KPIs) as version 1', async () => {
    const app = await instance();
    const id = uuidV7();
    const at = new Date(Date.now() - 60_000);
    await db.collection('incidents').insertOne({
      _id: id as never,
      number: 'INC9000001',
      title: 'stored by an older release',
      callerId: caller.userId,
      impact: 3,
      urgency: 3,
      priority: 5,
      state: 'new',
      intakeMessageId: uuidV7(),
      reportedAt: at,
      createdAt: at,
      updatedAt: at,
      outbox: [],
      outboxSeq: 0,
      outboxPending: false,
    });
    const changed = await app.get(ChangeIncident).execute(id, 1, { kind: 'start' }, { actor: agent });
    expect(changed).toMatchObject({ version: 2, incident: { state: 'in_progress', kpis: { reopenCount: 0, reassignmentCount: 0 } } });
    expect(await db.collection('incidents').findOne({ _id: id as never })).toMatchObject({ version: 2, timelineSeq: 2, state: 'in_progress' });
  });
});
