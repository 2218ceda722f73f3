import { PlatformUnderTest, internalToken } from '@itsm/testing';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; required?: boolean }>; responses: Record<string, unknown> }>>;
}

/**
 * HTTP as clients and proxies expect it, on every route of the gateway and of the services behind it
 * (they share the HTTP app): 405 with Allow for a known path, JSON bodies only (415), the framework's
 * own errors as problem+json that never repeat the request, bearer tokens per RFC 6750, path ids checked
 * before they reach a service's URL, and Idempotency-Key scoped to its caller without ambiguity.
 */
describe('HTTP semantics at the edge', () => {
  let platform: PlatformUnderTest;
  const tokens: Record<string, string> = {};
  /** A value every answer below must not repeat: the framework's errors never echo the request. */
  const SECRET = 'SECRET-4f1c';
  const UUID = '01a20e2a-fed4-7197-a433-736b13a7a69e';
  const office = [{ start: '08:00', end: '18:00' }];
  const calendar = (name: string, holidays = [{ date: '2026-12-24', name: 'Heiligabend' }, { date: '2026-12-25', name: 'Weihnachten' }]) => ({
    name,
    definition: {
      timeZone: 'Europe/Berlin',
      weeklyHours: { monday: office, tuesday: office, wednesday: office, thursday: office, friday: office, saturday: [], sunday: [] },
      holidays,
    },
  });

  const token = async (user: string, roles: string[]) => (tokens[`${user}|${roles.join()}`] ??= await platform.token(user, roles));
  const admin = () => token('admin-1', ['administrator']);
  /** A raw call through the gateway: the body is sent as given, with the headers given. */
  const raw = (method: string, route: string, headers: Record<string, string> = {}, body?: string) =>
    fetch(`${platform.gateway.baseUrl}${route}`, { method, headers, body });
  const asAdmin = async (method: string, route: string, headers: Record<string, string> = {}, body?: string) =>
    raw(method, route, { authorization: `Bearer ${await admin()}`, ...headers }, body);
  const postCalendar = async (user: string, body: unknown, headers: Record<string, string> = {}) =>
    platform.fetch('POST', '/api/v1/calendars', await token(user, ['service_owner']), body, headers);
  /** Sends bytes no HTTP client library would, and returns the whole answer as text. */
  const rawSocket = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const { hostname, port } = new URL(platform.gateway.baseUrl);
      const socket = connect(Number(port), hostname, () => socket.write(request));
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
      socket.setTimeout(5_000, () => socket.destroy());
    });
  /** A call with its path sent exactly as written (fetch would resolve `%2e` segments as `.` first, as browsers do). */
  const asWritten = async (method: string, route: string, body?: string) => {
    const authorization = `Bearer ${await admin()}`;
    const { hostname, port } = new URL(platform.gateway.baseUrl);
    return new Promise<Response>((resolve, reject) => {
      const call = httpRequest({ host: hostname, port, path: route, method, headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) } }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: answer.statusCode, headers: { 'content-type': String(answer.headers['content-type'] ?? '') } })));
      });
      call.on('error', reject);
      call.end(body);
    });
  };
  const expectProblem = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const text = await response.text();
    expect(text).not.toContain(SECRET);
    return JSON.parse(text) as { status: number; detail?: string };
  };

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['design', 'strategy'], 'http');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  describe('405 Method Not Allowed', () => {
    it('answers a known path with an unrouted method 405 and Allow, not 404', async () => {
      const calendars = await asAdmin('DELETE', '/api/v1/calendars');
      await expectProblem(calendars, 405);
      expect(calendars.headers.get('allow')?.split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'POST']));
      const incident = await asAdmin('PATCH', `/api/v1/incidents/${UUID}`);
      await expectProblem(incident, 405);
      expect(incident.headers.get('allow')?.split(/,\s*/)).toEqual(expect.arrayContaining(['GET']));
      expect(incident.headers.get('allow')).not.toContain('PATCH');
      // An unknown path is still 404, and says nothing of what was asked.
      await expectProblem(await asAdmin('DELETE', `/api/v1/${SECRET}`), 404);
    });

    it('does so for every route of the OpenAPI document, with every routed method in Allow', async () => {
      const document = (await (await raw('GET', '/api/docs-json')).json()) as OpenApiDocument;
      const paths = Object.entries(document.paths);
      expect(paths.length).toBeGreaterThan(20);
      for (const [template, operations] of paths) {
        const route = template.replace(/\{period\}/g, '2026').replace(/\{[^}]+\}/g, UUID);
        const routed = Object.keys(operations).map((method) => method.toUpperCase());
        for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((candidate) => !routed.includes(candidate))) {
          const response = await asAdmin(method, route);
          expect([template, method, response.status]).toEqual([template, method, 405]);
          expect([template, response.headers.get('allow')?.split(/,\s*/)]).toEqual([template, expect.arrayContaining(routed)]);
        }
      }
    });

    it('is answered by the services behind the gateway too', async () => {
      const response = await fetch(`${platform.backendUrl('design')}/v1/calendars`, { method: 'DELETE', headers: { 'x-itsm-principal': await internalToken() } });
      await expectProblem(response, 405);
      expect(response.headers.get('allow')?.split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'POST']));
    });
  });

  describe('415 for a body that is not JSON', () => {
    it('refuses text/plain before parsing it, naming the accepted type', async () => {
      const problem = await expectProblem(await asAdmin('POST', '/api/v1/calendars', { 'content-type': 'text/plain' }, `name=${SECRET}`), 415);
      expect(problem.detail).toContain('application/json');
    });

    it('refuses a form-encoded proposal and creates no service', async () => {
      const name = `Form service ${Date.now()}`;
      const form = new URLSearchParams({ name, description: 'sent as a form', type: 'business', ownerId: 'owner-1' }).toString();
      const response = await asAdmin('POST', '/api/v1/portfolio/services', { 'content-type': 'application/x-www-form-urlencoded' }, form);
      await expectProblem(response, 415);
      const listed = (await (await asAdmin('GET', '/api/v1/portfolio/services')).json()) as { items: Array<{ name: string }> };
      expect(listed.items.map((service) => service.name)).not.toContain(name);
    });

    it('refuses a body without a content type and multipart, on revisions too', async () => {
      await expectProblem(await asAdmin('POST', '/api/v1/calendars', {}, JSON.stringify(calendar('no type'))), 415);
      await expectProblem(await asAdmin('PUT', `/api/v1/calendars/${UUID}`, { 'content-type': 'multipart/form-data; boundary=x' }, `--x\r\n\r\n${SECRET}\r\n--x--`), 415);
    });

    it('accepts application/json with parameters and any +json type', async () => {
      expect((await asAdmin('POST', '/api/v1/calendars', { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(calendar('charset')))).status).toBe(201);
      expect((await asAdmin('POST', '/api/v1/calendars', { 'content-type': 'application/vnd.itsm+json' }, JSON.stringify(calendar('vendor type')))).status).toBe(201);
    });

    it('is answered by the services behind the gateway too', async () => {
      const response = await fetch(`${platform.backendUrl('design')}/v1/calendars`, {
        method: 'POST',
        headers: { 'x-itsm-principal': await internalToken(), 'content-type': 'text/plain' },
        body: JSON.stringify(calendar('plain')),
      });
      await expectProblem(response, 415);
    });
  });

  describe("the framework's own errors", () => {
    it('answers a URI too long 414 as problem+json without repeating it', async () => {
      await expectProblem(await asAdmin('GET', `/api/v1/calendars/${SECRET}${'a'.repeat(300)}`), 414);
    });

    it('answers headers too large 431 as problem+json without repeating them', async () => {
      const answer = await rawSocket(`GET /api/v1/calendars HTTP/1.1\r\nHost: gateway\r\nX-Big: ${SECRET}${'a'.repeat(20_000)}\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      expect(answer).not.toContain(SECRET);
    });

    it('answers a malformed header 400 as problem+json without repeating it', async () => {
      const answer = await rawSocket(`GET /api/v1/calendars HTTP/1.1\r\nHost: gateway\r\nBad Header ${SECRET}: x\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      expect(answer).not.toContain(SECRET);
    });

    it('answers a malformed percent-encoding 400 as problem+json without repeating it', async () => {
      const answer = await rawSocket(`GET /api/v1/calendars/%zz${SECRET} HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      expect(answer).not.toContain(SECRET);
    });

    it('answers bad JSON 400 as problem+json without repeating it', async () => {
      await expectProblem(await asAdmin('POST', '/api/v1/calendars', { 'content-type': 'application/json' }, `{"name": "${SECRET}`), 400);
    });
  });

  describe('bearer tokens (RFC 6750)', () => {
    it('accepts the scheme in any case (RFC 7235)', async () => {
      for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
        expect([scheme, (await raw('GET', '/api/v1/calendars', { authorization: `${scheme} ${await admin()}` })).status]).toEqual([scheme, 200]);
      }
    });

    it('challenges without an error when no token was given, and with invalid_token when one was but is bad', async () => {
      const none = await raw('GET', '/api/v1/calendars');
      await expectProblem(none, 401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="itsm"');
      for (const authorization of ['Bearer not.a.token', `bearer ${SECRET}`, 'Bearer a b', `Bearer ${(await admin()).slice(0, -4)}AAAA`]) {
        const bad = await raw('GET', '/api/v1/calendars', { authorization });
        await expectProblem(bad, 401);
        expect([authorization, bad.headers.get('www-authenticate')]).toEqual([authorization, 'Bearer realm="itsm", error="invalid_token"']);
      }
      // Another scheme, or the scheme alone, is no bearer token at all.
      for (const authorization of ['Basic YWxpY2U6c2VjcmV0', 'Bearer']) {
        expect([authorization, (await raw('GET', '/api/v1/calendars', { authorization })).headers.get('www-authenticate')]).toEqual([authorization, 'Bearer realm="itsm"']);
      }
    });
  });

  describe('ids in paths', () => {
    // Valid bodies, so only the path can be what is refused.
    const revision = { ...calendar('revised'), expectedVersion: 1 };
    const assessment = { value: 'high', estimatedCost: '100.00', capacityImpact: 'small', recommendation: 'approve' };
    it.each([
      ['GET', '/api/v1/calendars/%2e', undefined],
      ['GET', '/api/v1/calendars/%2E%2E', undefined],
      ['GET', '/api/v1/calendars/not-an-id', undefined],
      ['PUT', '/api/v1/calendars/%2e', revision],
      ['GET', '/api/v1/slas/%2e', undefined],
      ['GET', '/api/v1/services/%2e', undefined],
      ['GET', '/api/v1/catalogue/items/%2e', undefined],
      ['GET', '/api/v1/portfolio/services/%2e', undefined],
      ['POST', '/api/v1/portfolio/services/%2e/charter', { reason: 'approved' }],
      ['GET', '/api/v1/demands/%2e', undefined],
      ['POST', '/api/v1/demands/%2e%2e/assessment', assessment],
      ['GET', '/api/v1/incidents/%2e', undefined],
      ['GET', '/api/v1/finance/cost-models/%2e', undefined],
      ['GET', '/api/v1/finance/budgets/%2e/2026', undefined],
      // `/v1/finance/budgets/../costs` is strategy's list of cost entries.
      ['GET', '/api/v1/finance/budgets/%2e%2e/costs', undefined],
      ['GET', '/api/v1/finance/budgets/%2e%2e/consumption', undefined],
    ])('answers %s %s 404 before any service is asked', async (method, route, body) => {
      const problem = await expectProblem(await asWritten(method, route, body === undefined ? undefined : JSON.stringify(body)), 404);
      // The gateway's own answer, not a service's 404 for the path the id turned into.
      expect(problem.detail).toMatch(/^No record has this (id|serviceId)\.$/);
    });

    it.each([`/api/v1/finance/budgets/${UUID}/%2e`, `/api/v1/finance/budgets/${UUID}/2026-13`])('answers GET %s, a period that is no fiscal period, 400 naming period', async (route) => {
      const problem = (await expectProblem(await asWritten('GET', route), 400)) as { errors?: Array<{ field: string }> };
      expect(problem.errors?.map((issue) => issue.field)).toEqual(['period']);
    });

    it('authenticates before it looks at the path', async () => {
      await expectProblem(await raw('GET', '/api/v1/calendars/not-an-id'), 401);
    });
  });

  describe('Idempotency-Key', () => {
    const id = async (response: Response) => ((await response.json()) as { id: string }).id;

    it('keeps the keys of users whose id and key join alike apart (bob + "x:1" vs "bob:x" + "1")', async () => {
      const body = calendar('scoped keys');
      const bob = await postCalendar('bob', body, { 'idempotency-key': 'x:1' });
      const bobX = await postCalendar('bob:x', body, { 'idempotency-key': '1' });
      expect([bob.status, bobX.status]).toEqual([201, 201]);
      expect(bobX.headers.get('idempotent-replayed')).toBeNull();
      expect(await id(bobX)).not.toBe(await id(bob));
    });

    it("lets nobody squat another user's key", async () => {
      expect((await postCalendar('carol:y', calendar('squatter'), { 'idempotency-key': '1' })).status).toBe(201);
      expect((await postCalendar('carol', calendar('owner of the key'), { 'idempotency-key': 'y:1' })).status).toBe(201);
    });

    it('refuses an empty key with 400 rather than ignoring it', async () => {
      await expectProblem(await postCalendar('dave', calendar('empty key'), { 'idempotency-key': '' }), 400);
    });

    it('compares bodies as canonical JSON: keys in another order are the same request, array order is not', async () => {
      const first = calendar('canonical');
      const { timeZone, weeklyHours, holidays } = first.definition;
      const reordered = { definition: { holidays, weeklyHours: Object.fromEntries(Object.entries(weeklyHours).reverse()), timeZone }, name: first.name };
      const created = await postCalendar('erin', first, { 'idempotency-key': 'canonical-1' });
      const retry = await postCalendar('erin', reordered, { 'idempotency-key': 'canonical-1' });
      expect([created.status, retry.status]).toEqual([201, 201]);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await id(retry)).toBe(await id(created));
      const swapped = { ...first, definition: { ...first.definition, holidays: [...holidays].reverse() } };
      await expectProblem(await postCalendar('erin', swapped, { 'idempotency-key': 'canonical-1' }), 422);
    });

    it('documents the key with its 409 and 422 on every POST', async () => {
      const document = (await (await raw('GET', '/api/docs-json')).json()) as OpenApiDocument;
      const posts = Object.entries(document.paths).flatMap(([path, operations]) => (operations.post ? [[path, operations.post] as const] : []));
      expect(posts.length).toBeGreaterThan(10);
      for (const [path, operation] of posts) {
        expect([path, operation.parameters?.some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key')]).toEqual([path, true]);
        expect([path, Object.keys(operation.responses)]).toEqual([path, expect.arrayContaining(['409', '422'])]);
      }
    });
  });
});
