import { CONFIGURATION_ITEM_REGISTERED_V1, CONFIGURATION_ITEM_REVISED_V1, ImportReportView, RELATIONSHIP_ADDED_V1 } from '@itsm/contracts/transition';
import { EventTap, PlatformUnderTest, eventually, testServers } from '@itsm/testing';

interface Answer {
  status: number;
  body: Record<string, unknown> & { errors?: Array<{ field: string }>; items?: Array<Record<string, unknown>> };
}

interface Impact {
  origin: { id: string };
  reached: Array<{ item: { id: string; name: string; classKey: string }; depth: number; path: Array<{ relationshipId: string; type: string; fromItemId: string; toItemId: string }> }>;
  businessServiceIds: string[];
  truncated: boolean;
}

/** The CMDB through the gateway, on the real transition service, broker and database; design's services reach it by events. */
describe('CMDB end to end: classes, items, relationships, imports, impact analysis, design services', () => {
  const { amqpUrl } = testServers();
  const tokens = { cm: '', agent: '', requester: '', portfolio: '', owner: '' };
  let platform: PlatformUnderTest;
  let tap: EventTap;

  const call = async (method: string, route: string, as: keyof typeof tokens, body?: unknown): Promise<Answer> => {
    const response = await platform.fetch(method, route, tokens[as], body);
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const fieldsOf = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.field);
  const register = async (name: string, classKey: string, attributes: Record<string, unknown> = {}, externalId?: string) => {
    const answer = await call('POST', '/api/v1/cmdb/items', 'cm', { classKey, name, lifecycleState: 'operational', attributes, ...(externalId ? { externalId } : {}) });
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  };
  const relate = async (fromItemId: string, type: string, toItemId: string) => {
    const answer = await call('POST', '/api/v1/cmdb/relationships', 'cm', { type, fromItemId, toItemId });
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  };
  const impact = async (id: string, query = '') => (await call('GET', `/api/v1/cmdb/items/${id}/impact${query}`, 'agent')).body as unknown as Impact;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['strategy', 'design', 'transition'], 'cmdb');
    tokens.cm = await platform.token('cm-1', ['configuration_manager']);
    tokens.agent = await platform.token('agent-1', ['service_desk_agent']);
    tokens.requester = await platform.token('req-1', ['requester']);
    tokens.portfolio = await platform.token('pm-1', ['portfolio_manager']);
    tokens.owner = await platform.token('owner-1', ['service_owner']);
    tap = await EventTap.open(amqpUrl, 'itsm.transition.#');
  });

  afterAll(async () => {
    await platform?.stop();
    await tap?.close();
  });

  it('starts with the built-in classes and defines classes with typed attributes', async () => {
    const classes = await call('GET', '/api/v1/cmdb/classes', 'agent');
    expect(classes.status).toBe(200);
    expect(classes.body.items?.map((ciClass) => ciClass.key).sort()).toEqual(['application', 'business_service', 'database', 'network_device', 'server']);
    expect(classes.body.items?.every((ciClass) => ciClass.builtIn === true)).toBe(true);

    const balancer = { key: 'load_balancer', name: 'Load balancer', attributes: [{ name: 'vip', type: 'string', required: true }, { name: 'mode', type: 'enum', required: false, values: ['l4', 'l7'] }, { name: 'pools', type: 'integer', required: false }] };
    const defined = await call('POST', '/api/v1/cmdb/classes', 'cm', balancer);
    expect(defined.status).toBe(201);
    expect(defined.body).toMatchObject({ key: 'load_balancer', builtIn: false, version: 1 });
    expect((await call('GET', `/api/v1/cmdb/classes/${defined.body.id as string}`, 'agent')).body).toMatchObject({ key: 'load_balancer' });
    expect((await call('POST', '/api/v1/cmdb/classes', 'cm', balancer)).status).toBe(409);
    const enumWithoutValues = await call('POST', '/api/v1/cmdb/classes', 'cm', { key: 'broken', name: 'Broken', attributes: [{ name: 'x', type: 'enum', required: false }] });
    expect(enumWithoutValues.status).toBe(400);
    expect(fieldsOf(enumWithoutValues)).toEqual(['attributes.0.values']);
    expect((await call('POST', '/api/v1/cmdb/classes', 'agent', balancer)).status).toBe(403);
    expect((await call('GET', '/api/v1/cmdb/classes', 'requester')).status).toBe(403);

    // Items of the new class are checked against its attributes.
    const lb = await call('POST', '/api/v1/cmdb/items', 'cm', { classKey: 'load_balancer', name: 'lb-1', lifecycleState: 'operational', attributes: { vip: '10.0.0.1', mode: 'l7', pools: 3 } });
    expect(lb.status).toBe(201);
    const wrong = await call('POST', '/api/v1/cmdb/items', 'cm', { classKey: 'load_balancer', name: 'lb-2', lifecycleState: 'operational', attributes: { mode: 'l3', pools: 1.5, colour: 'red' } });
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong).sort()).toEqual(['attributes.colour', 'attributes.mode', 'attributes.pools', 'attributes.vip']);
  });

  it('registers, revises and lists items, with their events, and keeps external ids unique', async () => {
    const registered = await call('POST', '/api/v1/cmdb/items', 'cm', {
      classKey: 'server',
      name: 'srv-revise',
      owner: 'ops-lead',
      supportGroup: 'unix',
      lifecycleState: 'in_build',
      attributes: { hostname: 'srv-revise.example', cpu_cores: 8, virtual: true },
      externalId: 'asset-1',
    });
    expect(registered.status).toBe(201);
    const id = registered.body.id as string;
    expect(registered.body).toMatchObject({ version: 1, externalId: 'asset-1', attributes: { cpu_cores: 8 } });
    expect(registered.body).not.toHaveProperty('externalKey');
    const event = await tap.waitFor((message) => message.routingKey === CONFIGURATION_ITEM_REGISTERED_V1.type && message.body.subject === id);
    expect(event.body).toMatchObject({ source: '/itsm/transition', actorid: 'cm-1', data: { itemId: id, version: 1, classKey: 'server', externalId: 'asset-1' } });

    expect((await call('POST', '/api/v1/cmdb/items', 'cm', { classKey: 'server', name: 'another', lifecycleState: 'planned', attributes: {}, externalId: 'asset-1' })).status).toBe(409);
    expect(fieldsOf(await call('POST', '/api/v1/cmdb/items', 'cm', { classKey: 'mainframe', name: 'x', lifecycleState: 'planned', attributes: {} }))).toEqual(['classKey']);

    const revised = await call('PUT', `/api/v1/cmdb/items/${id}`, 'cm', { classKey: 'server', name: 'srv-revise', lifecycleState: 'operational', attributes: { hostname: 'srv-revise.example' }, externalId: 'asset-1', expectedVersion: 1 });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ version: 2, lifecycleState: 'operational', attributes: { hostname: 'srv-revise.example' } });
    expect(revised.body).not.toHaveProperty('owner');
    await tap.waitFor((message) => message.routingKey === CONFIGURATION_ITEM_REVISED_V1.type && message.body.subject === id);
    expect((await call('PUT', `/api/v1/cmdb/items/${id}`, 'cm', { classKey: 'server', name: 'x', lifecycleState: 'operational', attributes: {}, expectedVersion: 1 })).status).toBe(409);

    const servers = await call('GET', '/api/v1/cmdb/items?classKey=server&lifecycleState=operational', 'agent');
    expect(servers.body.items?.map((item) => item.name)).toContain('srv-revise');
    expect(servers.body.items?.every((item) => item.classKey === 'server' && item.lifecycleState === 'operational')).toBe(true);
  });

  it('stores a relationship once, refuses one to the item itself, and allows cycles', async () => {
    const a = await register('cycle-a', 'application');
    const b = await register('cycle-b', 'application');
    const id = await relate(a, 'depends_on', b);
    const event = await tap.waitFor((message) => message.routingKey === RELATIONSHIP_ADDED_V1.type && message.body.subject === id);
    expect(event.body).toMatchObject({ data: { relationshipId: id, type: 'depends_on', fromItemId: a, toItemId: b } });
    expect((await call('POST', '/api/v1/cmdb/relationships', 'cm', { type: 'depends_on', fromItemId: a, toItemId: b })).status).toBe(409);
    expect((await call('POST', '/api/v1/cmdb/relationships', 'cm', { type: 'depends_on', fromItemId: a, toItemId: a })).status).toBe(400);
    expect(fieldsOf(await call('POST', '/api/v1/cmdb/relationships', 'cm', { type: 'depends_on', fromItemId: a, toItemId: '0190f1a0-0000-7000-8000-000000000009' }))).toEqual(['toItemId']);
    await relate(b, 'depends_on', a); // a cycle
    expect((await call('GET', `/api/v1/cmdb/relationships/${id}`, 'agent')).body).toMatchObject({ id, type: 'depends_on', fromItemId: a, toItemId: b });

    const up = await impact(a, '?direction=upstream&depth=12');
    expect(up.reached.map((reach) => reach.item.name)).toEqual(['cycle-b']);
    expect(up.truncated).toBe(false);
  });

  it('walks upstream from a failing item to the business services and their consumers, with paths, and downstream to what it depends on', async () => {
    const disk = await register('disk-7', 'server');
    const server = await register('srv-db-7', 'server', { hostname: 'srv-db-7' });
    const database = await register('orders-db', 'database', { engine: 'postgres' });
    const app = await register('orders-app', 'application');
    const orders = await register('Online orders', 'business_service', { criticality: 'high' });
    const shop = await register('Web shop', 'business_service');
    const monitoring = await register('monitoring', 'application');
    const partOf = await relate(disk, 'part_of', server);
    const runsOn = await relate(database, 'runs_on', server);
    const dependsOn = await relate(app, 'depends_on', database);
    const uses = await relate(orders, 'uses', app);
    await relate(shop, 'depends_on', orders);
    await relate(monitoring, 'connects_to', app); // connects to it, so it depends on it: affected too, though no service uses it

    const up = await impact(disk);
    expect(up.reached.map(({ item, depth }) => `${depth}:${item.name}`).sort()).toEqual(['1:srv-db-7', '2:orders-db', '3:orders-app', '4:Online orders', '4:monitoring', '5:Web shop']);
    expect(up.businessServiceIds.sort()).toEqual([orders, shop].sort());
    expect(up.reached.find(({ item }) => item.id === orders)?.path.map((step) => step.relationshipId)).toEqual([partOf, runsOn, dependsOn, uses]);

    const shallow = await impact(disk, '?depth=2');
    expect(shallow.reached.map(({ item }) => item.name)).toEqual(['srv-db-7', 'orders-db']);
    expect(shallow.truncated).toBe(true);

    const down = await impact(shop, '?direction=downstream');
    expect(down.reached.map(({ item, depth }) => `${depth}:${item.name}`)).toEqual(['1:Online orders', '2:orders-app', '3:orders-db', '4:srv-db-7', '5:disk-7']);
    expect((await call('GET', `/api/v1/cmdb/items/${disk}/impact?depth=13`, 'agent')).status).toBe(400);
    expect((await call('GET', '/api/v1/cmdb/items/0190f1a0-0000-7000-8000-000000000009/impact', 'agent')).status).toBe(404);
  });

  it('imports items and relationships from JSON and CSV, row by row, and changes nothing when repeated', async () => {
    const items = [
      { externalId: 'imp-srv-1', classKey: 'server', name: 'imp-srv-1', lifecycleState: 'operational', attributes: { cpu_cores: 4 } },
      { externalId: 'imp-app-1', classKey: 'application', name: 'imp-app-1', lifecycleState: 'operational', attributes: {} },
      { externalId: 'imp-bad-1', classKey: 'server', name: 'imp-bad-1', lifecycleState: 'operational', attributes: { cpu_cores: 'four' } },
      { classKey: 'server', name: 'no external id', lifecycleState: 'operational', attributes: {} },
      { externalId: 'imp-srv-1', classKey: 'server', name: 'twice', lifecycleState: 'operational', attributes: {} },
    ];
    const first = (await call('POST', '/api/v1/cmdb/imports/items', 'cm', { items })).body as unknown as ImportReportView;
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, refused: 3 });
    expect(first.rows.map((row) => `${row.row}:${row.outcome}:${(row.issues ?? []).map((issue) => issue.field).join(',')}`)).toEqual([
      '1:created:',
      '2:created:',
      '3:refused:attributes.cpu_cores',
      '4:refused:externalId',
      '5:refused:externalId',
    ]);
    const again = (await call('POST', '/api/v1/cmdb/imports/items', 'cm', { items: items.slice(0, 2) })).body as unknown as ImportReportView;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, refused: 0 });
    expect(again.rows.map((row) => row.id)).toEqual(first.rows.slice(0, 2).map((row) => row.id));

    const csv = ['externalId,classKey,name,owner,supportGroup,lifecycleState,attr.cpu_cores,attr.virtual', 'imp-srv-1,server,imp-srv-1,ops,unix,operational,8,true', '"imp-srv-2",server,"srv, two",,,planned,,', 'imp-srv-3,server,imp-srv-3,,,nowhere,2,'].join('\n');
    const fromCsv = (await call('POST', '/api/v1/cmdb/imports/items', 'cm', { csv })).body as unknown as ImportReportView;
    expect(fromCsv.rows.map((row) => `${row.row}:${row.outcome}`)).toEqual(['1:updated', '2:created', '3:refused']);
    expect((await call('GET', `/api/v1/cmdb/items/${first.rows[0]?.id as string}`, 'agent')).body).toMatchObject({ version: 2, owner: 'ops', attributes: { cpu_cores: 8, virtual: true } });
    expect(((await call('POST', '/api/v1/cmdb/imports/items', 'cm', { csv })).body as unknown as ImportReportView)).toMatchObject({ updated: 0, unchanged: 2, refused: 1 });
    expect(fieldsOf(await call('POST', '/api/v1/cmdb/imports/items', 'cm', { csv: 'externalId,name,colour\nx,y,z\n' }))).toEqual(['csv']);
    expect((await call('POST', '/api/v1/cmdb/imports/items', 'cm', { items, csv })).status).toBe(400);

    const relationships = [
      { type: 'runs_on', fromExternalId: 'imp-app-1', toExternalId: 'imp-srv-1' },
      { type: 'runs_on', fromExternalId: 'imp-app-1', toExternalId: 'nowhere' },
      { type: 'teleports_to', fromExternalId: 'imp-app-1', toExternalId: 'imp-srv-1' },
    ];
    const related = (await call('POST', '/api/v1/cmdb/imports/relationships', 'cm', { relationships })).body as unknown as ImportReportView;
    expect(related.rows.map((row) => `${row.row}:${row.outcome}:${(row.issues ?? []).map((issue) => issue.field).join(',')}`)).toEqual(['1:created:', '2:refused:toExternalId', '3:refused:type']);
    const relatedCsv = (await call('POST', '/api/v1/cmdb/imports/relationships', 'cm', { csv: 'type,fromExternalId,toExternalId\nruns_on,imp-app-1,imp-srv-1\nruns_on,imp-app-1,imp-srv-2\n' })).body as unknown as ImportReportView;
    expect(relatedCsv.rows.map((row) => `${row.row}:${row.outcome}`)).toEqual(['1:unchanged', '2:created']);
    const up = await impact(first.rows[0]?.id as string);
    expect(up.reached.map((reach) => reach.item.name)).toEqual(['imp-app-1']);
  });

  it('follows design: a published catalogue service becomes a business-service item, retired when withdrawn', async () => {
    const proposed = await call('POST', '/api/v1/portfolio/services', 'portfolio', { name: 'Payroll', description: 'Monthly pay', type: 'business', ownerId: 'owner-1', businessCase: 'Replaces a spreadsheet' });
    const serviceId = proposed.body.id as string;
    expect((await call('POST', `/api/v1/portfolio/services/${serviceId}/charter`, 'portfolio', { reason: 'Approved' })).status).toBe(200);
    await eventually(() => call('GET', `/api/v1/services/${serviceId}`, 'owner'), (answer) => answer.status === 200, { timeoutMs: 15_000, what: 'the draft in the catalogue' });
    const definition = { name: 'Payroll', description: 'Monthly pay', type: 'business', ownerId: 'owner-1', supportGroup: 'hr-apps', criticality: 'high', offerings: [], capacityTargets: [] };
    expect((await call('PUT', `/api/v1/services/${serviceId}`, 'owner', { ...definition, expectedVersion: 1 })).status).toBe(200);
    expect((await call('POST', `/api/v1/services/${serviceId}/publish`, 'owner', { expectedVersion: 2 })).status).toBe(200);

    const findItem = () => call('GET', '/api/v1/cmdb/items?classKey=business_service&lifecycleState=operational&limit=200', 'agent');
    const listed = await eventually(findItem, (answer) => (answer.body.items ?? []).some((item) => item.externalId === `design-service:${serviceId}`), { timeoutMs: 15_000, what: 'the business-service item' });
    const item = (listed.body.items ?? []).find((candidate) => candidate.externalId === `design-service:${serviceId}`);
    expect(item).toMatchObject({ classKey: 'business_service', name: 'Payroll', owner: 'owner-1', supportGroup: 'hr-apps', attributes: { criticality: 'high', service_type: 'business' } });

    expect((await call('POST', `/api/v1/portfolio/services/${serviceId}/retire`, 'portfolio', { reason: 'Outsourced' })).status).toBe(200);
    await eventually(
      () => call('GET', `/api/v1/cmdb/items/${item?.id as string}`, 'agent'),
      (answer) => answer.body.lifecycleState === 'retired',
      { timeoutMs: 15_000, what: 'the item retired with its service' },
    );
  });
});
