import { DEMAND_ASSESSED_V1, DEMAND_DECIDED_V1, DEMAND_RECORDED_V1 } from '@itsm/contracts/strategy';
import { EventTap, PlatformUnderTest, testServers } from '@itsm/testing';

interface Demand {
  id: string;
  version: number;
  state: string;
  serviceIds: string[];
  assessment?: Record<string, unknown>;
  decision?: Record<string, unknown>;
}

/** Demand management through the gateway and the strategy service, as deployed. */
describe('service strategy end to end: demand management', () => {
  const { amqpUrl } = testServers();
  const tokens = { manager: '', owner: '', requester: '' };
  const UNKNOWN_ID = '01a20e2a-fed4-7197-a433-736b13a7a69e';
  let platform: PlatformUnderTest;
  let tap: EventTap;
  let serviceId: string;

  const call = (method: string, route: string, as: keyof typeof tokens, body?: unknown) => platform.fetch(method, route, tokens[as], body);
  const errorFields = async (response: Response) => ((await response.json()) as { errors: Array<{ field: string }> }).errors.map((error) => error.field);

  const onboarding = () => ({
    title: 'Self-service onboarding',
    requestedCapability: 'New hires get their accounts and laptop on their first day',
    businessUnit: 'Human Resources',
    expectedVolume: { quantity: 1200, unit: 'users', per: 'year' },
    neededBy: '2026-09-01',
    serviceIds: [serviceId],
  });
  const assessment = { value: 'high', estimatedCost: '25000.00', capacityImpact: 'Identity service: +5% peak load in September', recommendation: 'approve' };
  const record = async (as: keyof typeof tokens = 'owner', body: object = onboarding()) => {
    const response = await call('POST', '/api/v1/demands', as, body);
    expect(response.status).toBe(201);
    return (await response.json()) as Demand;
  };

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['strategy'], 'strategy');
    tokens.manager = await platform.token('pm-1', ['portfolio_manager']);
    tokens.owner = await platform.token('owner-1', ['service_owner']);
    tokens.requester = await platform.token('req-1', ['requester']);
    tap = await EventTap.open(amqpUrl, 'itsm.strategy.demand.#');

    const proposed = await call('POST', '/api/v1/portfolio/services', 'manager', {
      name: 'Identity and access',
      description: 'Accounts, groups and single sign-on for every employee',
      type: 'business',
      ownerId: 'owner-1',
    });
    expect(proposed.status).toBe(201);
    serviceId = ((await proposed.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await platform?.stop();
    await tap?.close();
  });

  it('records a demand for a portfolio service, assesses it, approves it once, and publishes each step', async () => {
    const created = await call('POST', '/api/v1/demands', 'owner', onboarding());
    expect(created.status).toBe(201);
    const demand = (await created.json()) as Demand;
    expect(demand).toMatchObject({ version: 1, state: 'recorded', serviceIds: [serviceId], expectedVolume: { quantity: 1200, unit: 'users', per: 'year' } });
    expect(demand).not.toHaveProperty('assessment');
    expect(created.headers.get('location')).toBe(`/api/v1/demands/${demand.id}`);

    const recorded = await tap.waitFor((message) => message.body.subject === demand.id && message.routingKey === DEMAND_RECORDED_V1.type);
    expect(recorded.body).toMatchObject({ source: '/itsm/strategy', actorid: 'owner-1', data: { demandId: demand.id, version: 1, state: 'recorded', businessUnit: 'Human Resources', serviceIds: [serviceId] } });

    const assessed = await call('POST', `/api/v1/demands/${demand.id}/assessment`, 'manager', assessment);
    expect(assessed.status).toBe(200);
    expect(await assessed.json()).toMatchObject({ version: 2, state: 'assessed', assessment: { ...assessment, assessedBy: 'pm-1' } });
    const assessedEvent = await tap.waitFor((message) => message.body.subject === demand.id && message.routingKey === DEMAND_ASSESSED_V1.type);
    expect(assessedEvent.body).toMatchObject({ actorid: 'pm-1', data: { version: 2, state: 'assessed', assessment: { value: 'high', estimatedCost: '25000.00', assessedBy: 'pm-1' } } });

    // Re-assessing before the decision replaces the assessment.
    const reassessed = await call('POST', `/api/v1/demands/${demand.id}/assessment`, 'manager', { ...assessment, value: 'critical', notes: 'Board priority' });
    expect(reassessed.status).toBe(200);
    expect(await reassessed.json()).toMatchObject({ version: 3, state: 'assessed', assessment: { value: 'critical', notes: 'Board priority' } });

    const decided = await call('POST', `/api/v1/demands/${demand.id}/decision`, 'manager', { outcome: 'approved', reason: 'Fits the 2026 HR roadmap' });
    expect(decided.status).toBe(200);
    const approved = (await decided.json()) as Demand;
    expect(approved).toMatchObject({ version: 4, state: 'approved', decision: { outcome: 'approved', by: 'pm-1', reason: 'Fits the 2026 HR roadmap' } });
    const decidedEvent = await tap.waitFor((message) => message.body.subject === demand.id && message.routingKey === DEMAND_DECIDED_V1.type);
    expect(decidedEvent.body).toMatchObject({ actorid: 'pm-1', data: { version: 4, state: 'approved', decision: { outcome: 'approved', by: 'pm-1' } } });

    const again = await call('POST', `/api/v1/demands/${demand.id}/decision`, 'manager', { outcome: 'rejected', reason: 'second thoughts' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { detail: string }).detail).toContain('approved');
    expect((await call('POST', `/api/v1/demands/${demand.id}/assessment`, 'manager', assessment)).status).toBe(409);

    const read = await call('GET', `/api/v1/demands/${demand.id}`, 'owner');
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ version: 4, state: 'approved', decision: { by: 'pm-1' } });
  });

  it('refuses to decide a demand that has not been assessed', async () => {
    const demand = await record();
    const response = await call('POST', `/api/v1/demands/${demand.id}/decision`, 'manager', { outcome: 'rejected', reason: 'not now' });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { detail: string }).detail).toContain('before it is assessed');
  });

  it('lists demands newest first, by state, business unit and linked service', async () => {
    const first = await record('manager', { ...onboarding(), businessUnit: 'Finance' });
    const second = await record('manager', { ...onboarding(), businessUnit: 'Finance', title: 'Quarter-end reporting' });
    const finance = await call('GET', '/api/v1/demands?businessUnit=Finance', 'owner');
    expect(finance.status).toBe(200);
    expect(((await finance.json()) as { items: Demand[] }).items.map((demand) => demand.id)).toEqual([second.id, first.id]);

    const byService = ((await (await call('GET', `/api/v1/demands?serviceId=${serviceId}&state=recorded`, 'manager')).json()) as { items: Demand[] }).items;
    expect(byService.map((demand) => demand.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(byService.every((demand) => demand.state === 'recorded')).toBe(true);
    expect(((await (await call('GET', `/api/v1/demands?serviceId=${UNKNOWN_ID}`, 'manager')).json()) as { items: Demand[] }).items).toEqual([]);
    expect((await call('GET', '/api/v1/demands?state=pending', 'manager')).status).toBe(400);
  });

  it('answers 400 naming serviceIds when a linked service is not in the portfolio', async () => {
    const unknown = await call('POST', '/api/v1/demands', 'owner', { ...onboarding(), serviceIds: [serviceId, UNKNOWN_ID] });
    expect(unknown.status).toBe(400);
    expect(await errorFields(unknown)).toEqual(['serviceIds']);

    const demand = await record();
    const relinked = await call('POST', `/api/v1/demands/${demand.id}/assessment`, 'manager', { ...assessment, serviceIds: [UNKNOWN_ID] });
    expect(relinked.status).toBe(400);
    expect(await errorFields(relinked)).toEqual(['serviceIds']);
    expect(await (await call('GET', `/api/v1/demands/${demand.id}`, 'manager')).json()).toMatchObject({ version: 1, state: 'recorded' });
  });

  it.each([
    ['a volume below one', () => ({ ...onboarding(), expectedVolume: { quantity: 0, unit: 'users', per: 'year' } }), 'expectedVolume.quantity'],
    ['an unknown volume period', () => ({ ...onboarding(), expectedVolume: { quantity: 10, unit: 'users', per: 'week' } }), 'expectedVolume.per'],
    ['a needed-by day that does not exist', () => ({ ...onboarding(), neededBy: '2026-02-30' }), 'neededBy'],
    ['a service id that is not an id', () => ({ ...onboarding(), serviceIds: ['identity'] }), 'serviceIds'],
    ['an unknown field', () => ({ ...onboarding(), priority: 1 }), 'priority'],
    ['no title', () => ({ ...onboarding(), title: undefined }), 'title'],
  ])('rejects a demand with %s, naming the field', async (_case, body, field) => {
    const response = await call('POST', '/api/v1/demands', 'owner', body());
    expect(response.status).toBe(400);
    expect(await errorFields(response)).toContain(field);
  });

  it('rejects bad assessments and decisions, naming the fields', async () => {
    const demand = await record();
    const badAssessment = await call('POST', `/api/v1/demands/${demand.id}/assessment`, 'manager', { ...assessment, estimatedCost: '-5', value: 'huge' });
    expect(badAssessment.status).toBe(400);
    expect(await errorFields(badAssessment)).toEqual(expect.arrayContaining(['estimatedCost', 'value']));
    const badDecision = await call('POST', `/api/v1/demands/${demand.id}/decision`, 'manager', { outcome: 'maybe' });
    expect(badDecision.status).toBe(400);
    expect(await errorFields(badDecision)).toEqual(expect.arrayContaining(['outcome', 'reason']));
    expect((await call('GET', `/api/v1/demands/${UNKNOWN_ID}`, 'manager')).status).toBe(404);
  });

  it('keeps demands from requesters, and decisions with portfolio managers', async () => {
    expect((await call('POST', '/api/v1/demands', 'requester', onboarding())).status).toBe(403);
    expect((await call('GET', '/api/v1/demands', 'requester')).status).toBe(403);
    const demand = await record('owner');
    expect((await call('GET', `/api/v1/demands/${demand.id}`, 'requester')).status).toBe(403);
    expect((await call('POST', `/api/v1/demands/${demand.id}/assessment`, 'owner', assessment)).status).toBe(403);
    expect((await call('POST', `/api/v1/demands/${demand.id}/decision`, 'owner', { outcome: 'approved', reason: 'mine' })).status).toBe(403);
    expect(await (await call('GET', `/api/v1/demands/${demand.id}`, 'owner')).json()).toMatchObject({ version: 1, state: 'recorded' });
  });

  it('documents the demand routes and their request bodies', async () => {
    const document = (await (await fetch(`${platform.gateway.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, { 'x-itsm-policy'?: { name: string } }>>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    const policy = (route: string, method: string) => document.paths[route]?.[method]?.['x-itsm-policy']?.name;
    expect([policy('/api/v1/demands', 'post'), policy('/api/v1/demands', 'get'), policy('/api/v1/demands/{id}', 'get')]).toEqual(['demand.submit', 'demand.read', 'demand.read']);
    expect([policy('/api/v1/demands/{id}/assessment', 'post'), policy('/api/v1/demands/{id}/decision', 'post')]).toEqual(['demand.decide', 'demand.decide']);
    expect(document.components.schemas.RecordDemandRequest?.required).toEqual(expect.arrayContaining(['title', 'requestedCapability', 'businessUnit', 'expectedVolume', 'serviceIds']));
    for (const name of ['AssessDemandRequest', 'DecideDemandRequest', 'DemandAssessmentV1', 'DemandDecisionV1', 'DemandVolumeV1']) expect(document.components.schemas).toHaveProperty(name);
  });
});
