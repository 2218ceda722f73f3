import { INCIDENT_INTAKE_QUEUE, serviceEventsQueue } from '@itsm/contracts';
import { AppProcess, PlatformUnderTest, deleteQueues, deleteServiceQueues, eventually, freePort, queueDepth, registerConfigurationItem, testServers, uniqueDatabaseName, untilOperationHolds } from '@itsm/testing';
import { Db, MongoClient } from 'mongodb';

const SERVER = { classKey: 'server', lifecycleState: 'operational', attributes: {} } as const;

/**
 * Incidents reference the CMDB's items, as deployed: operation checks a report's configuration item against its
 * own copy of transition's items (kept from transition's events), refusing after the 202 (410 with the reason) an
 * item it does not hold or holds retired, and taking it once the item's event arrived.
 */
describe('intake accepts only configuration items of the CMDB that are not retired', () => {
  const tokens = { agent: '', cm: '', pm: '' };
  let platform: PlatformUnderTest;

  const call = async (method: string, route: string, as: keyof typeof tokens, body?: unknown) => {
    const response = await platform.fetch(method, route, tokens[as], body);
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };
  const report = async (configurationItemId: string): Promise<string> => {
    const accepted = await call('POST', '/api/v1/incidents', 'agent', { title: 'Web shop down', impact: 2, urgency: 2, configurationItemId });
    expect(accepted.status).toBe(202);
    return String(accepted.headers.get('location'));
  };
  const settled = (location: string) => eventually(() => call('GET', location, 'agent'), (answer) => answer.status !== 404, { what: `${location} to be stored or rejected`, timeoutMs: 20_000 });

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['transition', 'operation'], 'ci_refs');
    tokens.agent = await platform.token('agent-1', ['service_desk_agent']);
    tokens.cm = await platform.token('conny', ['configuration_manager']);
    tokens.pm = await platform.token('pam', ['problem_manager']);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('refuses an incident on an unknown item with the reason, takes one on a registered item, refuses one on the item once retired', async () => {
    const refused = await settled(await report('web-shop-1'));
    expect(refused.status).toBe(410);
    expect(refused.body['detail']).toContain('configurationItemId: no configuration item of the CMDB has the id or external id web-shop-1');

    const item = await registerConfigurationItem(platform, 'web-shop-1', { name: 'Web shop' });
    const accepted = await settled(await report('web-shop-1'));
    expect(accepted.status).toBe(200);
    // Reported by its external id, stored and shown by the item's id.
    expect(accepted.body['configurationItemId']).toBe(item.id);
    expect((await settled(await report(item.id))).body['configurationItemId']).toBe(item.id);

    const retired = await call('PUT', `/api/v1/cmdb/items/${item.id}`, 'cm', { ...SERVER, name: 'Web shop', externalId: 'web-shop-1', lifecycleState: 'retired', expectedVersion: 1 });
    expect(retired.status).toBe(200);
    await untilOperationHolds(platform, item.id, 2);
    const onRetired = await settled(await report('web-shop-1'));
    expect(onRetired.status).toBe(410);
    expect(onRetired.body['detail']).toContain('configurationItemId: the configuration item Web shop (web-shop-1) is retired');
  });

  it('finds incidents, problems and known errors on an item by either its id or its external id, whichever spelling wrote them', async () => {
    const item = await registerConfigurationItem(platform, 'mail-relay-e2e', { name: 'Mail relay' });
    const byExternalId = (await settled(await report('mail-relay-e2e'))).body['id'];
    const byId = (await settled(await report(item.id))).body['id'];
    for (const filter of ['mail-relay-e2e', item.id]) {
      const listed = await call('GET', `/api/v1/incidents?configurationItemId=${filter}`, 'agent');
      expect(listed.status).toBe(200);
      expect((listed.body['items'] as { id: string }[]).map((incident) => incident.id)).toEqual([byId, byExternalId]);
    }
    expect((await call('GET', '/api/v1/incidents?configurationItemId=no-such-item', 'agent')).body['items']).toEqual([]);

    const problem = await call('POST', '/api/v1/problems', 'pm', { title: 'Relay drops mail', configurationItemIds: ['mail-relay-e2e'], impact: 2, urgency: 2, resolveLinkedIncidents: false });
    expect(problem.status).toBe(201);
    expect(problem.body['configurationItemIds']).toEqual([item.id]);
    const knownError = await call('POST', '/api/v1/known-errors', 'pm', { problemId: problem.body['id'], title: 'Relay queue full', symptom: 'Mail deferred', rootCause: 'Queue too small', serviceIds: [], configurationItemIds: [item.id, 'mail-relay-e2e'] });
    expect(knownError.status).toBe(201);
    expect(knownError.body['configurationItemIds']).toEqual([item.id]);
    for (const filter of [item.id, 'mail-relay-e2e']) {
      expect(((await call('GET', `/api/v1/problems?configurationItemId=${filter}`, 'agent')).body['items'] as { id: string }[]).map((each) => each.id)).toEqual([problem.body['id']]);
      expect(((await call('GET', `/api/v1/known-errors?configurationItemId=${filter}`, 'agent')).body['items'] as { id: string }[]).map((each) => each.id)).toEqual([knownError.body['id']]);
    }
  });
});

/**
 * Catch-up, as for design's service levels: an operation started after items were registered (its event queue did
 * not exist, so transition's events never reached it) asks transition for a replay at start-up and holds each
 * item's current version.
 */
describe("operation catches up on the CMDB's items registered before it started", () => {
  const { amqpUrl, mongoUrl } = testServers();
  const operationDb = uniqueDatabaseName('ci_catch_up_operation');
  let platform: PlatformUnderTest;
  let operation: AppProcess | undefined;
  let mongo: MongoClient;
  let db: Db;

  beforeAll(async () => {
    // No operation queue: whatever transition publishes now reaches no operation.
    await deleteServiceQueues(amqpUrl, ['operation']);
    await deleteQueues(amqpUrl, [INCIDENT_INTAKE_QUEUE]);
    platform = await PlatformUnderTest.start(['transition'], 'ci_catch_up');
    mongo = await MongoClient.connect(mongoUrl);
    db = mongo.db(operationDb);
  });

  afterAll(async () => {
    await operation?.stop();
    await platform?.stop();
    await db?.dropDatabase();
    await mongo?.close();
  });

  it('gets every item registered before it started at its current version, retired ones included', async () => {
    const cm = await platform.token('conny', ['configuration_manager']);
    const register = async (body: Record<string, unknown>) => (await (await platform.fetch('POST', '/api/v1/cmdb/items', cm, body)).json()) as { id: string };
    const live = await register({ ...SERVER, name: 'Mail relay', externalId: 'mx-catch-up' });
    const gone = await register({ ...SERVER, name: 'Old fax server' });
    expect((await platform.fetch('PUT', `/api/v1/cmdb/items/${gone.id}`, cm, { ...SERVER, name: 'Old fax server', lifecycleState: 'retired', expectedVersion: 1 })).status).toBe(200);

    const port = await freePort();
    operation = await AppProcess.start('operation', port, { ITSM_OPERATION_PORT: String(port), ITSM_OPERATION_DB: operationDb });

    const items = db.collection<{ _id: string; version: number }>('configuration_items');
    await eventually(() => items.find({ _id: { $in: [live.id, gone.id] } }).toArray(), (found) => found.length === 2, { what: "both items in operation's copy", timeoutMs: 20_000 });
    await eventually(() => queueDepth(amqpUrl, serviceEventsQueue('operation')), (depth) => depth.messages === 0, { what: "operation's event queue to drain" });
    expect(await items.findOne({ _id: live.id })).toMatchObject({ externalKey: 'mx-catch-up', name: 'Mail relay', classKey: 'server', lifecycleState: 'operational', version: 1 });
    expect(await items.findOne({ _id: gone.id })).toMatchObject({ externalKey: gone.id, name: 'Old fax server', lifecycleState: 'retired', version: 2 });
  });
});
