import { uuidV7 } from '@itsm/contracts';
import { INCIDENT_REJECTED_V1 } from '@itsm/contracts/operation';
import { EventTap, PlatformUnderTest, eventually, testServers } from '@itsm/testing';
import { Db, MongoClient } from 'mongodb';

/**
 * Intake checks the service a report names against operation's copy of design's published catalogue, as
 * deployed (strategy charters and retires, design drafts, publishes and withdraws, operation follows by
 * events): a report naming a service that is not published is refused after its 202 (410 with the
 * reason, `itsm.operation.incident.rejected.v1`); one naming none is accepted; incidents opened while the
 * service was published keep it after its withdrawal.
 */
describe('intake accepts only services published in the catalogue', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const tokens = { portfolio: '', owner: '', agent: '' };
  let platform: PlatformUnderTest;
  let tap: EventTap;
  let mongo: MongoClient;
  let operationDb: Db;
  let serviceId = '';
  let openedWhilePublished = '';

  const call = async (method: string, route: string, as: keyof typeof tokens, body?: unknown) => {
    const response = await platform.fetch(method, route, tokens[as], body);
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };
  const report = async (fields: Record<string, unknown>): Promise<string> => {
    const accepted = await call('POST', '/api/v1/incidents', 'agent', { title: 'Mail is slow', impact: 2, urgency: 2, ...fields });
    expect(accepted.status).toBe(202);
    return String(accepted.headers.get('location'));
  };
  const settled = (location: string) => eventually(() => call('GET', location, 'agent'), (answer) => answer.status !== 404, { what: `${location} to be stored or rejected`, timeoutMs: 20_000 });
  /** Waits until operation stored the version of the service design just wrote (its copy follows by events). */
  const operationHas = (version: number, state: string) =>
    eventually(() => operationDb.collection('catalogue_services').findOne({ serviceId, version }), (stored) => stored?.['state'] === state, { what: `version ${version} (${state}) in operation's copy` });

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['strategy', 'design', 'operation'], 'service_check');
    tokens.portfolio = await platform.token('pm-1', ['portfolio_manager']);
    tokens.owner = await platform.token('owner-1', ['service_owner']);
    tokens.agent = await platform.token('agent-1', ['service_desk_agent']);
    tap = await EventTap.open(amqpUrl, INCIDENT_REJECTED_V1.type);
    mongo = await MongoClient.connect(mongoUrl);
    operationDb = mongo.db(platform.databaseOf('operation'));
  });

  afterAll(async () => {
    await platform?.stop();
    await tap?.close();
    await mongo?.close();
  });

  it('refuses a report naming a service the catalogue does not know, with the reason, and accepts one naming no service', async () => {
    const unknown = uuidV7();
    const location = await report({ serviceId: unknown });
    const refused = await settled(location);
    expect(refused.status).toBe(410);
    expect(refused.body['detail']).toContain(`service ${unknown} is not a published service of the catalogue`);
    const incidentId = location.split('/').pop();
    const event = await tap.waitFor((message) => message.body.subject === incidentId);
    expect(event.body.data).toMatchObject({ incidentId, cause: 'rejected', reason: `service ${unknown} is not a published service of the catalogue` });

    const accepted = await settled(await report({}));
    expect(accepted.status).toBe(200);
    expect(accepted.body['serviceId']).toBeUndefined();
  });

  it('refuses a draft, accepts the service once published', async () => {
    const proposed = await call('POST', '/api/v1/portfolio/services', 'portfolio', { name: 'Email', description: 'Corporate mail', type: 'business', ownerId: 'owner-1', businessCase: 'Everyone mails' });
    serviceId = String(proposed.body['id']);
    expect((await call('POST', `/api/v1/portfolio/services/${serviceId}/charter`, 'portfolio', { reason: 'Approved' })).status).toBe(200);
    await eventually(() => call('GET', `/api/v1/services/${serviceId}`, 'owner'), (answer) => answer.status === 200, { what: 'the draft in the catalogue' });
    expect((await settled(await report({ serviceId }))).status).toBe(410);

    const definition = { name: 'Email', description: 'Corporate mail', type: 'business', ownerId: 'owner-1', supportGroup: 'messaging', criticality: 'high', offerings: [], capacityTargets: [] };
    expect((await call('PUT', `/api/v1/services/${serviceId}`, 'owner', { ...definition, expectedVersion: 1 })).status).toBe(200);
    expect((await call('POST', `/api/v1/services/${serviceId}/publish`, 'owner', { expectedVersion: 2 })).status).toBe(200);
    await operationHas(3, 'published');

    const opened = await settled(await report({ serviceId }));
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ serviceId, state: 'new' });
    openedWhilePublished = String(opened.body['id']);
  });

  it('refuses new reports once the service is withdrawn; the incidents already open keep it', async () => {
    expect((await call('POST', `/api/v1/portfolio/services/${serviceId}/retire`, 'portfolio', { reason: 'Replaced' })).status).toBe(200);
    await operationHas(4, 'withdrawn');
    // Intake reuses a "published" it read for up to a second (PUBLISHED_SERVICE_TTL_MS), and it read one for the report above.
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const refused = await settled(await report({ serviceId }));
    expect(refused.status).toBe(410);
    expect(refused.body['detail']).toContain('is not a published service of the catalogue');
    expect((await call('GET', `/api/v1/incidents/${openedWhilePublished}`, 'agent')).body).toMatchObject({ serviceId, state: 'new' });
  });
});
