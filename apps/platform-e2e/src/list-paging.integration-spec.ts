import { ALL_BACKENDS, BackendApp, PlatformUnderTest, eventually, internalToken, officeHoursCalendar as calendar } from '@itsm/testing';

interface Page {
  items: Array<Record<string, unknown>>;
  nextCursor: string | null;
}

/**
 * Every list of the API pages the same way, as deployed: `limit` (1..200) and the `cursor` a previous
 * page's `nextCursor` gave, `{ items, nextCursor }` back, 400 naming `cursor` for anything that is not
 * a cursor of that list. Each list is seeded with three records and read two at a time.
 */
describe('lists end to end: cursor and limit on every list', () => {
  const tokens = { admin: '' };
  let platform: PlatformUnderTest;

  const call = async (method: string, route: string, body?: unknown) => {
    const response = await platform.fetch(method, route, tokens.admin, body);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const created = async (route: string, body: unknown, status = 201): Promise<string> => {
    const answer = await call(route.startsWith('/api/v1/finance/budgets') ? 'PUT' : 'POST', route, body);
    if (answer.status !== status) throw new Error(`${route}: expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.id as string;
  };
  const page = async (route: string): Promise<Page> => {
    const answer = await call('GET', route);
    if (answer.status !== 200) throw new Error(`${route}: expected 200, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body as unknown as Page;
  };
  const withQuery = (route: string, query: string) => `${route}${route.includes('?') ? '&' : '?'}${query}`;
  /** The first two pages of a list read two at a time, by `key` of each item. */
  const twoPages = async (route: string, key: string) => {
    const first = await page(withQuery(route, 'limit=2'));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await page(withQuery(route, `limit=2&cursor=${first.nextCursor as string}`));
    return { first: first.items.map((item) => item[key]), second: second.items.map((item) => item[key]), last: second.nextCursor, firstCursor: first.nextCursor as string };
  };
  /** Status of a GET and the fields its problem names. */
  const refusal = async (route: string) => {
    const answer = await call('GET', route);
    return { status: answer.status, fields: (answer.body.errors as Array<{ field: string }> | undefined)?.map((error) => error.field) };
  };
  const cursorOf = (keys: unknown[]) => Buffer.from(JSON.stringify(keys), 'utf8').toString('base64url');

  const ids = { calendarA: '', services: [] as string[], demands: [] as string[], incidents: [] as string[] };
  const sla = (name: string) => ({
    name,
    kind: 'sla',
    appliesTo: { recordType: 'incident', priorities: [1] },
    targets: { responseMinutes: 15, resolutionMinutes: 240 },
    conditions: { start: ['new'], pause: ['on_hold'], resume: ['in_progress'], stop: ['resolved', 'closed'], reset: [], cancel: ['cancelled'] },
    warningThresholds: [50, 75, 90],
  });

  /** Each list with the route that reads it, the field its order shows, and its three records in that order. */
  const PAGED: Array<{ name: string; route: string; key: string; expected: () => unknown[] }> = [
    { name: 'calendars', route: '/api/v1/calendars', key: 'name', expected: () => ['Cal A', 'Cal B', 'Cal C'] },
    { name: 'service levels', route: '/api/v1/slas', key: 'name', expected: () => ['SLA 1', 'SLA 2', 'SLA 3'] },
    { name: 'the portfolio', route: '/api/v1/portfolio/services', key: 'name', expected: () => ['Svc 1', 'Svc 2', 'Svc 3'] },
    { name: 'catalogue services', route: '/api/v1/services', key: 'name', expected: () => ['Svc 1', 'Svc 2', 'Svc 3'] },
    { name: 'catalogue items', route: '/api/v1/catalogue/items?includeUnrequestable=true', key: 'name', expected: () => ['Item 1', 'Item 2', 'Item 3'] },
    { name: 'demands (newest first)', route: '/api/v1/demands', key: 'id', expected: () => [...ids.demands].reverse() },
    { name: 'cost entries (by date)', route: '/api/v1/finance/costs', key: 'incurredOn', expected: () => ['2026-01-10', '2026-02-10', '2026-03-10'] },
    { name: 'consumption (by month)', route: '/api/v1/finance/consumption', key: 'month', expected: () => ['2026-01', '2026-02', '2026-03'] },
    { name: 'budgets (by service, then period)', route: '/api/v1/finance/budgets', key: 'period', expected: () => ['2026-01', '2026-02', '2026-03'] },
    { name: 'incidents (newest first)', route: '/api/v1/incidents', key: 'id', expected: () => [...ids.incidents].reverse() },
    // P5: no SLA applies (theirs are P1's), so the work queue holds them all in its tail, newest first.
    { name: 'incidents by next SLA due (the work queue)', route: '/api/v1/incidents?sort=slaNextDueAt', key: 'id', expected: () => [...ids.incidents].reverse() },
    { name: 'assignment groups', route: '/api/v1/assignment-groups', key: 'name', expected: () => ['Group 1', 'Group 2', 'Group 3'] },
    { name: 'routing rules (by order)', route: '/api/v1/routing-rules', key: 'order', expected: () => [10, 20, 30] },
  ];
  /** Every list route, the audit trail (of calendar A) included. */
  const listRoutes = () => [...PAGED.map((list) => list.route), `/api/v1/audit-records?subject=${ids.calendarA}`];

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(ALL_BACKENDS, 'lists');
    tokens.admin = await platform.token('admin-lists', ['administrator']);

    // Created out of order: the lists sort them.
    for (const name of ['Cal B', 'Cal A', 'Cal C']) {
      const id = await created('/api/v1/calendars', calendar(name));
      if (name === 'Cal A') ids.calendarA = id;
    }
    for (const name of ['SLA 2', 'SLA 3', 'SLA 1']) await created('/api/v1/slas', sla(name));
    for (const name of ['Svc 2', 'Svc 1', 'Svc 3']) {
      const id = await created('/api/v1/portfolio/services', { name, description: `${name} for everyone`, type: 'business', ownerId: 'admin-lists' });
      expect((await call('POST', `/api/v1/portfolio/services/${id}/charter`, { reason: 'Approved by the board' })).status).toBe(200);
      ids.services.push(id);
    }
    const [service] = ids.services;
    for (const id of ids.services) {
      await eventually(() => call('GET', `/api/v1/services/${id}`), (answer) => answer.status === 200, { what: `the draft of ${id}` });
    }
    for (const name of ['Item 3', 'Item 1', 'Item 2']) {
      await created('/api/v1/catalogue/items', {
        serviceId: service,
        name,
        description: `${name} of the first service`,
        category: 'Lists',
        keywords: [],
        form: [],
        approvals: [],
        fulfilmentGroup: 'desk',
        deliveryTargetMinutes: 60,
        active: true,
      });
    }
    for (const title of ['Demand 1', 'Demand 2', 'Demand 3']) {
      ids.demands.push(
        await created('/api/v1/demands', {
          title,
          requestedCapability: 'Something new',
          businessUnit: 'Finance',
          expectedVolume: { quantity: 10, unit: 'users', per: 'year' },
          serviceIds: [service],
        }),
      );
    }
    for (const incurredOn of ['2026-03-10', '2026-01-10', '2026-02-10']) {
      await created('/api/v1/finance/costs', { serviceId: service, category: 'external_services', amount: '100.00', incurredOn, description: `invoice of ${incurredOn}` });
    }
    for (const month of ['2026-02', '2026-03', '2026-01']) {
      await created('/api/v1/finance/consumption', { serviceId: service, businessUnit: 'Finance', month, units: 3 });
      await created(`/api/v1/finance/budgets/${service}/${month}`, { amount: '1000.00' });
    }
    for (const title of ['Paged 1', 'Paged 2', 'Paged 3']) ids.incidents.push(await created('/api/v1/incidents', { title, impact: 3, urgency: 3 }, 202));
    await eventually(() => page('/api/v1/incidents?limit=200'), (listed) => listed.items.length === 3, { what: 'the incidents stored by intake' });
    const groupIds = [];
    for (const name of ['Group 2', 'Group 3', 'Group 1']) groupIds.push(await created('/api/v1/assignment-groups', { name, memberIds: [], active: true }));
    for (const order of [20, 30, 10]) await created('/api/v1/routing-rules', { name: `Rule ${order}`, order, groupId: groupIds[0], active: true });
    // Two revisions of calendar A: three audit records of one subject.
    for (const expectedVersion of [1, 2]) {
      expect((await call('PUT', `/api/v1/calendars/${ids.calendarA}`, { ...calendar('Cal A'), expectedVersion })).status).toBe(200);
    }
    await eventually(() => page(`/api/v1/audit-records?subject=${ids.calendarA}&limit=200`), (listed) => listed.items.length === 3, { what: 'the audit trail of calendar A' });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it.each(PAGED)('reads $name two at a time', async ({ route, key, expected }) => {
    const pages = await twoPages(route, key);
    expect(pages).toEqual({ first: expected().slice(0, 2), second: expected().slice(2), last: null, firstCursor: expect.any(String) });
  });

  it('reads the audit trail of a record two at a time, newest first', async () => {
    const pages = await twoPages(`/api/v1/audit-records?subject=${ids.calendarA}`, 'summary');
    expect(pages.first.map((summary) => (summary as { version: number }).version)).toEqual([3, 2]);
    expect(pages.second.map((summary) => (summary as { version: number }).version)).toEqual([1]);
    expect(pages.last).toBeNull();
  });

  it('keeps its place when records are added before and after the cursor', async () => {
    const first = await page('/api/v1/calendars?limit=2');
    expect(first.items.map((item) => item.name)).toEqual(['Cal A', 'Cal B']);
    await created('/api/v1/calendars', calendar('Cal AA'));
    await created('/api/v1/calendars', calendar('Cal BB'));
    const second = await page(`/api/v1/calendars?limit=2&cursor=${first.nextCursor as string}`);
    // Cal AA sorts before the cursor, so B is not shown twice; Cal BB after it, so it is not skipped.
    expect(second.items.map((item) => item.name)).toEqual(['Cal BB', 'Cal C']);
  });

  it('answers at most `limit` items and nothing more with the default', async () => {
    expect((await page('/api/v1/slas?limit=1')).items).toHaveLength(1);
    expect((await page('/api/v1/slas')).items.map((item) => item.name)).toEqual(['SLA 1', 'SLA 2', 'SLA 3']);
    expect((await page('/api/v1/slas')).nextCursor).toBeNull();
  });

  const BAD_CURSORS: Array<[string, () => string]> = [
    ['not base64url', () => '$gt'],
    ['base64url of no cursor', () => 'zzz'],
    ['an id where the list wants its sort keys, or sort keys where it wants an id', () => cursorOf(['01a20e2a-fed4-7197-a433-736b13a7a69e', 'Cal A', '01a20e2a-fed4-7197-a433-736b13a7a69e'])],
    ['keys of the right number but not the list\'s', () => cursorOf([{ $gt: '' }, { $gt: '' }])],
    ['a number where the list wants an id', () => cursorOf([42])],
    ['an id without the keys around it (the former shape)', () => Buffer.from('01a20e2a-fed4-7197-a433-736b13a7a69e', 'utf8').toString('base64url')],
  ];

  it.each(BAD_CURSORS)('answers 400 naming cursor for a cursor that is %s, on every list', async (_case, cursor) => {
    const answers = [];
    for (const route of listRoutes()) answers.push({ route, ...(await refusal(withQuery(route, `cursor=${encodeURIComponent(cursor())}`))) });
    expect(answers).toEqual(listRoutes().map((route) => ({ route, status: 400, fields: ['cursor'] })));
  });

  it('answers 400 naming limit above the cap of 200 or below 1, on every list', async () => {
    const answers = [];
    for (const route of listRoutes()) for (const limit of ['201', '0', 'ten']) answers.push({ route, limit, ...(await refusal(withQuery(route, `limit=${limit}`))) });
    expect(answers).toEqual(listRoutes().flatMap((route) => ['201', '0', 'ten'].map((limit) => ({ route, limit, status: 400, fields: ['limit'] }))));
  });

  it('has each service refuse a bad cursor itself, with the same class, when called past the gateway', async () => {
    const backendOf: Array<[BackendApp, string]> = listRoutes().map((route) => {
      const path = route.replace('/api/v1/', '/v1/');
      if (/^\/v1\/(incidents|assignment-groups|routing-rules)/.test(path)) return ['operation', path];
      if (path.startsWith('/v1/audit-records')) return ['audit', path];
      return [/^\/v1\/(calendars|slas|services|catalogue)/.test(path) ? 'design' : 'strategy', path];
    });
    const principal = await internalToken({ sub: 'admin-lists', roles: ['administrator'] });
    const answers = [];
    for (const [backend, path] of backendOf) {
      const response = await fetch(`${platform.backendUrl(backend)}${withQuery(path, 'cursor=zzz')}`, { headers: { 'x-itsm-principal': principal } });
      answers.push({ path, status: response.status });
    }
    expect(answers).toEqual(backendOf.map(([, path]) => ({ path, status: 400 })));
  });

  it('refuses a cursor of a list ordered otherwise, and one that is not an id of the list', async () => {
    const calendars = await page('/api/v1/calendars?limit=1');
    expect((await call('GET', `/api/v1/incidents?cursor=${calendars.nextCursor as string}`)).status).toBe(400);
    expect((await call('GET', `/api/v1/demands?cursor=${cursorOf(['not an id'])}`)).status).toBe(400);
    expect((await call('GET', `/api/v1/calendars?cursor=${cursorOf(['Cal A', 'not an id'])}`)).status).toBe(400);
  });
});
