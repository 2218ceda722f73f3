import { Principal, uuidV7 } from '@itsm/contracts';
import { INCIDENT_CHANGE_LINKED_V1, INCIDENT_CHANGE_UNLINKED_V1, IncidentView } from '@itsm/contracts/operation';
import { loadConfig } from '@itsm/config';
import { RegisterIncident } from '@itsm/operation/incidents';
import { EventTap, SWEEPS_ONLY_WHEN_RUN, internalToken, operationTestEnv, registerIncidentCommand, testServers, uniqueDatabaseName } from '@itsm/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import mongoose from 'mongoose';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

/**
 * Integration: the change that caused an incident, recorded and cleared over operation's HTTP routes (internal
 * tokens as the gateway signs them) against the real broker and database: stored top-level, listed by
 * `causedByChangeId` through its index, on the timeline, published as change-linked/unlinked events;
 * version-guarded, refused with 400 naming the field, 403 to a requester, 409 from a closed incident.
 */
describe('the change that caused an incident (real servers)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('change-cause');
  const config = loadConfig(OperationConfig, operationTestEnv(dbName, { ...SWEEPS_ONLY_WHEN_RUN, ITSM_LOG_LEVEL: 'error' }));
  const caller: Principal = { userId: 'caller-1', roles: ['requester'], groups: [] };
  const agent: Principal = { userId: 'agent-1', roles: ['service_desk_agent'], groups: [] };
  const changeId = uuidV7();
  const otherChangeId = uuidV7();
  let app: NestFastifyApplication;
  let db: mongoose.Connection;
  let tap: EventTap;

  type Answer = IncidentView & { items: Array<IncidentView & { type: string; changeId?: string }>; errors: Array<{ field: string }> };
  const call = async (who: Principal, method: 'GET' | 'POST', url: string, payload?: object) => {
    const token = await internalToken({ sub: who.userId, roles: who.roles, groups: who.groups });
    const response = await app.getHttpAdapter().getInstance().inject({ method, url, headers: { 'x-itsm-principal': token }, ...(payload === undefined ? {} : { payload }) });
    return { status: response.statusCode, body: response.json() as Answer };
  };
  const report = async (title: string): Promise<string> => {
    const command = registerIncidentCommand(caller, title);
    await app.get(RegisterIncident).execute(command);
    return command.data.incidentId;
  };
  const record = (id: string, body: object, who = agent) => call(who, 'POST', `/v1/incidents/${id}/caused-by-change`, body);
  const clear = (id: string, expectedVersion: number, who = agent) => call(who, 'POST', `/v1/incidents/${id}/unlink-caused-by-change`, { expectedVersion });
  const stored = (id: string) => db.collection('incidents').findOne<Record<string, unknown>>({ _id: id as never });
  const eventOf = (id: string, type: string) => tap.waitFor((message) => message.body.subject === id && message.body.type === type);

  beforeAll(async () => {
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    tap = await EventTap.open(amqpUrl, 'itsm.operation.incident.#');
    app = await createOperationApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await tap?.close();
    await db?.dropDatabase();
    await db?.close();
  });

  it('records the change top-level, shows it, lists the incidents it caused through the index, with a timeline entry and an event', async () => {
    const [first, second, unrelated] = [await report('Orders fail after the release'), await report('Checkout times out'), await report('Printer jams')];

    const recorded = await record(first, { expectedVersion: 1, changeId, changeNumber: 'CHG0000042' });
    expect(recorded).toMatchObject({ status: 200, body: { id: first, version: 2, causedByChangeId: changeId, causedByChangeNumber: 'CHG0000042' } });
    expect(await stored(first)).toMatchObject({ causedByChangeId: changeId, causedByChangeNumber: 'CHG0000042', version: 2 });
    expect((await record(second, { expectedVersion: 1, changeId })).status).toBe(200);
    expect((await record(unrelated, { expectedVersion: 1, changeId: otherChangeId })).status).toBe(200);

    const listed = await call(agent, 'GET', `/v1/incidents?causedByChangeId=${changeId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((incident) => incident.id)).toEqual([second, first]);
    const firstPage = await call(agent, 'GET', `/v1/incidents?causedByChangeId=${changeId}&limit=1`);
    expect(firstPage.body.items.map((incident) => incident.id)).toEqual([second]);
    const indexes = await db.collection('incidents').indexes();
    expect(indexes.map((index) => index.key)).toContainEqual({ causedByChangeId: 1, _id: -1 });

    const timeline = await call(agent, 'GET', `/v1/incidents/${first}/timeline`);
    expect(timeline.body.items.filter((entry) => entry.type === 'change-linked')).toEqual([
      expect.objectContaining({ type: 'change-linked', by: agent.userId, visibility: 'public', changeId, changeNumber: 'CHG0000042' }),
    ]);
    const event = await eventOf(first, INCIDENT_CHANGE_LINKED_V1.type);
    expect(event.body.data).toMatchObject({ incidentId: first, version: 2, by: agent.userId, changeId, changeNumber: 'CHG0000042' });
  });

  it('replaces the change and clears it, with the change it cleared in the event; clearing nothing is 409', async () => {
    const id = await report('Latency since the switch upgrade');
    expect((await record(id, { expectedVersion: 1, changeId: otherChangeId, changeNumber: 'CHG0000007' })).status).toBe(200);
    const replaced = await record(id, { expectedVersion: 2, changeId });
    expect(replaced.body).toMatchObject({ version: 3, causedByChangeId: changeId });
    expect(replaced.body).not.toHaveProperty('causedByChangeNumber');
    expect((await eventOf(id, INCIDENT_CHANGE_LINKED_V1.type)).body.data).toMatchObject({ changeId: otherChangeId });

    const cleared = await clear(id, 3);
    expect(cleared).toMatchObject({ status: 200, body: { version: 4 } });
    expect(cleared.body).not.toHaveProperty('causedByChangeId');
    expect(await stored(id)).not.toHaveProperty('causedByChangeId');
    expect((await eventOf(id, INCIDENT_CHANGE_UNLINKED_V1.type)).body.data).toMatchObject({ incidentId: id, version: 4, changeId });
    expect((await call(agent, 'GET', `/v1/incidents?causedByChangeId=${changeId}`)).body.items.map((incident) => incident.id)).not.toContain(id);
    expect((await clear(id, 4)).status).toBe(409);
  });

  it.each<[string, object, string]>([
    ['a change id that is no UUID', { expectedVersion: 1, changeId: 'CHG0000042' }, 'changeId'],
    ['no change id', { expectedVersion: 1 }, 'changeId'],
    ['a change number that is none', { expectedVersion: 1, changeId: uuidV7(), changeNumber: 'INC0000001' }, 'changeNumber'],
  ])('refuses %s with 400 naming the field', async (_case, body, field) => {
    const id = await report('Bad input');
    const refused = await record(id, body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error) => error.field)).toContain(field);
  });

  it('refuses a list filter that is no change id (400 naming it)', async () => {
    const refused = await call(agent, 'GET', '/v1/incidents?causedByChangeId=CHG0000042');
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error) => error.field)).toEqual(['causedByChangeId']);
  });

  it('is version-guarded, for incident workers only, and never on a closed incident', async () => {
    const id = await report('Stale and forbidden');
    expect((await record(id, { expectedVersion: 7, changeId })).status).toBe(409);
    expect((await record(id, { expectedVersion: 1, changeId }, caller)).status).toBe(403);
    expect(await stored(id)).not.toHaveProperty('causedByChangeId');
    const resolve = await call(agent, 'POST', `/v1/incidents/${id}/resolution`, { expectedVersion: 1, resolutionCode: 'solved_permanently', resolutionNotes: 'Rolled back' });
    expect(resolve.status).toBe(200);
    // Resolved: still recorded (the cause is often found after the fix).
    expect((await record(id, { expectedVersion: 2, changeId })).status).toBe(200);
    expect((await call(agent, 'POST', `/v1/incidents/${id}/close`, { expectedVersion: 3 })).status).toBe(200);
    expect((await clear(id, 4)).status).toBe(409);
    expect(await stored(id)).toMatchObject({ causedByChangeId: changeId, state: 'closed' });
  });
});
