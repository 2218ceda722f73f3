import { ALL_BACKENDS, PlatformUnderTest, internalToken, p1IncidentSla } from '@itsm/testing';

interface Problem {
  status: number;
  detail?: string;
  errors?: Array<{ field: string; messages: string[] }>;
}

/**
 * The edge holds (issue 9, faults 1, 2 and 4): every body, query and nested object is checked in full at the
 * gateway and again in the service, with one text rule for every field, a depth limit, strict versions and
 * messages that say what is wrong. Each case is a reproducer from the issue: bad input gets a 400 naming the
 * field, never a 5xx and never a silent acceptance.
 */
describe('input validation end to end', () => {
  const tokens = { owner: '', manager: '', agent: '', admin: '' };
  let platform: PlatformUnderTest;
  let calendarId: string;
  let slaId: string;
  let portfolioServiceId: string;
  let demandId: string;

  const call = (method: string, route: string, as: keyof typeof tokens, body?: unknown) => platform.fetch(method, route, tokens[as], body);
  /** A body sent exactly as written (JSON.stringify cannot write some of the reproducers). */
  const raw = (method: string, route: string, as: keyof typeof tokens, body: string) =>
    fetch(`${platform.gateway.baseUrl}${route}`, { method, headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': 'application/json' }, body });
  const problemOf = async (response: Response): Promise<Problem> => ({ status: response.status, ...((await response.json()) as Omit<Problem, 'status'>) });
  const messagesOf = (problem: Problem, field: string) => problem.errors?.find((error) => error.field === field)?.messages ?? [];
  const fieldsOf = (problem: Problem) => (problem.errors ?? []).map((error) => error.field);

  const office = [{ start: '08:00', end: '18:00' }];
  const definition = {
    timeZone: 'Europe/Berlin',
    weeklyHours: { monday: office, tuesday: office, wednesday: office, thursday: office, friday: office, saturday: [], sunday: [] },
    holidays: [{ date: '2026-12-24', name: 'Heiligabend' }],
  };
  const sla = () => p1IncidentSla(calendarId);
  const demand = () => ({
    title: 'Self-service onboarding',
    requestedCapability: 'New hires get their accounts on day one',
    businessUnit: 'Human Resources',
    expectedVolume: { quantity: 1200, unit: 'users', per: 'year' },
    serviceIds: [portfolioServiceId],
  });
  const assessment = { value: 'high', estimatedCost: '25000.00', capacityImpact: '+5% on identity', recommendation: 'approve' };
  const proposal = (name: string) => ({ name, description: 'Accounts for every employee', type: 'business', ownerId: 'owner-1' });
  const without = <T extends object>(body: T, key: keyof T) => Object.fromEntries(Object.entries(body).filter(([name]) => name !== key));

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(ALL_BACKENDS, 'input');
    tokens.owner = await platform.token('owner-1', ['service_owner']);
    tokens.manager = await platform.token('pm-1', ['portfolio_manager']);
    tokens.agent = await platform.token('agent-1', ['service_desk_agent']);
    tokens.admin = await platform.token('admin-1', ['administrator']);
    const calendar = await call('POST', '/api/v1/calendars', 'owner', { name: 'Office hours', definition });
    expect(calendar.status).toBe(201);
    calendarId = ((await calendar.json()) as { id: string }).id;
    const created = await call('POST', '/api/v1/slas', 'owner', sla());
    expect(created.status).toBe(201);
    slaId = ((await created.json()) as { id: string }).id;
    const proposed = await call('POST', '/api/v1/portfolio/services', 'manager', proposal('Identity'));
    expect(proposed.status).toBe(201);
    portfolioServiceId = ((await proposed.json()) as { id: string }).id;
    const recorded = await call('POST', '/api/v1/demands', 'owner', demand());
    expect(recorded.status).toBe(201);
    demandId = ((await recorded.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await platform?.stop();
  });

  describe('the whole contract, nested objects included (fault 1)', () => {
    it.each([
      ['POST /slas without conditions', 'POST', () => '/api/v1/slas', () => without(sla(), 'conditions'), 'conditions'],
      ['PUT /slas/:id without conditions', 'PUT', () => `/api/v1/slas/${slaId}`, () => ({ ...without(sla(), 'conditions'), expectedVersion: 1 }), 'conditions'],
      ['POST /slas without targets', 'POST', () => '/api/v1/slas', () => without(sla(), 'targets'), 'targets'],
      ['POST /demands without expectedVolume', 'POST', () => '/api/v1/demands', () => without(demand(), 'expectedVolume'), 'expectedVolume'],
      ['POST /demands with a null expectedVolume', 'POST', () => '/api/v1/demands', () => ({ ...demand(), expectedVolume: null }), 'expectedVolume'],
      ['POST /slas with conditions missing start', 'POST', () => '/api/v1/slas', () => ({ ...sla(), conditions: without(sla().conditions, 'start') }), 'conditions.start'],
    ])('%s: 400 saying the field is required, not a 5xx', async (_case, method, route, body, field) => {
      const problem = await problemOf(await call(method, route(), 'admin', body()));
      expect(problem.status).toBe(400);
      expect(messagesOf(problem, field)).toEqual([`${field} is required`]);
    });

    it('names every missing field of an empty SLA, each as required', async () => {
      const problem = await problemOf(await call('POST', '/api/v1/slas', 'owner', {}));
      expect(problem.status).toBe(400);
      expect(fieldsOf(problem).sort()).toEqual(['appliesTo', 'conditions', 'kind', 'name', 'targets', 'warningThresholds']);
      for (const field of fieldsOf(problem)) expect(messagesOf(problem, field)).toEqual([`${field} is required`]);
    });

    it('treats a null optional list as absent: the assessment keeps the demand\'s services', async () => {
      const response = await call('POST', `/api/v1/demands/${demandId}/assessment`, 'manager', { ...assessment, serviceIds: null });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ state: 'assessed', serviceIds: [portfolioServiceId] });
    });

    it.each([
      ['an unknown key', { ...definition, foo: { bar: 1 } }, 'definition.foo'],
      ['an unknown key in the weekly hours', { ...definition, weeklyHours: { ...definition.weeklyHours, funday: office } }, 'definition.weeklyHours.funday'],
      ['an unknown key in an interval', { ...definition, weeklyHours: { ...definition.weeklyHours, monday: [{ ...office[0], lunch: true }] } }, 'definition.weeklyHours.monday.0.lunch'],
      ['a $where key', { ...definition, $where: 'sleep(1000)' }, 'definition'],
      ['an operator under an unknown key', { ...definition, bar: { $gt: 1 } }, 'definition.bar'],
      ['a dotted key', { ...definition, 'a.b': 1 }, 'definition'],
    ])('refuses a calendar definition with %s: 400 naming it, nothing stored', async (_case, body, field) => {
      const problem = await problemOf(await call('POST', '/api/v1/calendars', 'owner', { name: 'Refused', definition: body }));
      expect(problem.status).toBe(400);
      expect(fieldsOf(problem)).toContain(field);
      const listed = (await (await call('GET', '/api/v1/calendars', 'owner')).json()) as { items: Array<{ name: string }> };
      expect(listed.items.map((calendar) => calendar.name)).not.toContain('Refused');
    });

    it('has each service check its input again: design refuses an SLA without conditions sent past the gateway', async () => {
      const response = await fetch(`${platform.backendUrl('design')}/v1/slas`, {
        method: 'POST',
        headers: { 'x-itsm-principal': await internalToken({ sub: 'owner-1', roles: ['service_owner'] }), 'content-type': 'application/json' },
        body: JSON.stringify(without(sla(), 'conditions')),
      });
      const problem = await problemOf(response);
      expect(problem.status).toBe(400);
      expect(messagesOf(problem, 'conditions')).toEqual(['conditions is required']);
    });
  });

  describe('one text rule for every text field (fault 2)', () => {
    it.each([
      ['a NUL in an incident title', 'POST', '/api/v1/incidents', { title: 'VPN\u0000down', impact: 2, urgency: 2 }, 'title'],
      ['a NUL in an incident description', 'POST', '/api/v1/incidents', { title: 'VPN down', description: 'since\u0000noon', impact: 2, urgency: 2 }, 'description'],
      ['a bell character in an incident title', 'POST', '/api/v1/incidents', { title: 'VPN\u0007down', impact: 2, urgency: 2 }, 'title'],
      ['a lone surrogate in an incident title', 'POST', '/api/v1/incidents', { title: 'VPN \ud800 down', impact: 2, urgency: 2 }, 'title'],
      ['a NUL in a calendar name', 'POST', '/api/v1/calendars', { name: 'Office\u0000hours', definition }, 'name'],
      ['a NUL in a holiday name', 'POST', '/api/v1/calendars', { name: 'Office', definition: { ...definition, holidays: [{ date: '2026-12-24', name: 'Heilig\u0000abend' }] } }, 'definition.holidays.0.name'],
      ['a NUL in a portfolio service name', 'POST', '/api/v1/portfolio/services', proposal('Identity\u0000v2'), 'name'],
      ['a DEL in a demand title', 'POST', '/api/v1/demands', { title: 'On\u007fboarding', requestedCapability: 'x', businessUnit: 'HR', expectedVolume: { quantity: 1, unit: 'users', per: 'year' }, serviceIds: [] }, 'title'],
    ])('refuses %s with 400 naming the field', async (_case, method, route, body, field) => {
      const problem = await problemOf(await call(method, route, 'admin', body));
      expect(problem.status).toBe(400);
      expect(fieldsOf(problem)).toContain(field);
    });

    it('refuses a NUL in a query parameter', async () => {
      const problem = await problemOf(await call('GET', '/api/v1/demands?businessUnit=H%00R', 'admin'));
      expect(problem.status).toBe(400);
      expect(fieldsOf(problem)).toEqual(['businessUnit']);
    });

    it('keeps tab, line feed and carriage return, and characters beyond the basic plane', async () => {
      const response = await call('POST', '/api/v1/portfolio/services', 'manager', { ...proposal('Identity \ud83d\udd11'), description: 'line one\r\nline two\tindented' });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ name: 'Identity \ud83d\udd11', description: 'line one\r\nline two\tindented' });
    });

    it('treats null for an optional string as absent, and never answers null where the schema says string', async () => {
      const response = await call('POST', '/api/v1/portfolio/services', 'manager', { ...proposal('Mail'), businessCase: null });
      expect(response.status).toBe(201);
      const service = (await response.json()) as Record<string, unknown>;
      expect(service).not.toHaveProperty('businessCase');
      const read = (await (await call('GET', `/api/v1/portfolio/services/${String(service.id)}`, 'manager')).json()) as Record<string, unknown>;
      expect(read).not.toHaveProperty('businessCase');
    });
  });

  describe('deep JSON (fault 4)', () => {
    const nested = (levels: number) => `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;

    it.each([
      ['an incident', '/api/v1/incidents', (deep: string) => `{"title":"t","impact":2,"urgency":2,"description":${deep}}`],
      ['a calendar', '/api/v1/calendars', (deep: string) => `{"name":"deep","definition":${deep}}`],
      ['a demand', '/api/v1/demands', (deep: string) => `{"title":${deep}}`],
    ])('answers 400 for %s nested 2,000, 3,000 or 10,000 levels deep, not 500', async (_case, route, body) => {
      for (const levels of [2_000, 3_000, 10_000]) {
        const problem = await problemOf(await raw('POST', route, 'admin', body(nested(levels))));
        expect(problem.status).toBe(400);
        expect(JSON.stringify(problem)).toContain('400 levels');
      }
    });

    it('validates a body within the limit as usual', async () => {
      const problem = await problemOf(await raw('POST', '/api/v1/demands', 'admin', `{"title":${nested(398)}}`));
      expect(problem.status).toBe(400);
      expect(fieldsOf(problem)).toContain('title');
      expect(JSON.stringify(problem)).not.toContain('400 levels');
    });

    it('holds on a service called directly too', async () => {
      const response = await fetch(`${platform.backendUrl('strategy')}/v1/demands`, {
        method: 'POST',
        headers: { 'x-itsm-principal': await internalToken({ sub: 'owner-1', roles: ['service_owner'] }), 'content-type': 'application/json' },
        body: `{"title":${nested(3_000)}}`,
      });
      expect(response.status).toBe(400);
    });
  });

  describe('expectedVersion is a JSON integer >= 1', () => {
    it.each([
      ['the string "1"', '1'],
      ['true', true],
      ['the string "0x3"', '0x3'],
      ['1e300', 1e300],
      ['a fraction', 1.5],
      ['zero', 0],
      ['null', null],
    ])('refuses %s with 400 naming expectedVersion, and changes nothing', async (_case, expectedVersion) => {
      const problem = await problemOf(await call('PUT', `/api/v1/calendars/${calendarId}`, 'owner', { name: 'Renamed', definition, expectedVersion }));
      expect(problem.status).toBe(400);
      expect(fieldsOf(problem)).toEqual(['expectedVersion']);
      expect(await (await call('GET', `/api/v1/calendars/${calendarId}`, 'owner')).json()).toMatchObject({ version: 1, name: 'Office hours' });
    });
  });

  describe('messages that say what is wrong', () => {
    it('says a missing array is required, not that it is too long', async () => {
      const problem = await problemOf(await call('POST', '/api/v1/slas', 'owner', without(sla(), 'warningThresholds')));
      expect(messagesOf(problem, 'warningThresholds')).toEqual(['warningThresholds is required']);
    });

    it('says a query parameter was repeated', async () => {
      const problem = await problemOf(await call('GET', '/api/v1/audit-records?subject=a&subject=b', 'admin'));
      expect(problem.status).toBe(400);
      expect(messagesOf(problem, 'subject')).toEqual(['subject must be given once, not repeated']);
    });

    it('says __proto__ is not accepted, not that valid JSON is invalid', async () => {
      const body = JSON.stringify(proposal('Proto')).replace('{', '{"__proto__":{"admin":true},');
      const problem = await problemOf(await raw('POST', '/api/v1/portfolio/services', 'manager', body));
      expect(problem.status).toBe(400);
      expect(JSON.stringify(problem)).not.toContain('not valid JSON');
      expect(messagesOf(problem, '(root)')).toEqual(['the key "__proto__" is not accepted']);
    });

    it('still says so when a body is not JSON at all', async () => {
      const problem = await problemOf(await raw('POST', '/api/v1/portfolio/services', 'manager', '{"name":'));
      expect(problem.status).toBe(400);
      expect(problem.detail).toContain('not valid JSON');
    });

    it('says an amount beyond the limit is beyond the limit', async () => {
      const problem = await problemOf(
        await call('POST', '/api/v1/finance/costs', 'manager', { serviceId: portfolioServiceId, category: 'other', amount: '99999999999999.99', incurredOn: '2026-01-01', description: 'x' }),
      );
      expect(problem.status).toBe(400);
      expect(messagesOf(problem, 'amount')).toEqual(['amount must be at most 9999999999999.99']);
    });
  });
});
