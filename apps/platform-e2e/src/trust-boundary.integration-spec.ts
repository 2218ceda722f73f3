import { CALENDAR_CHANGED_V1 } from '@itsm/contracts/design';
import { AppProcess, EventTap, PlatformUnderTest, devToken, freePort, internalToken, officeHoursCalendar as calendar, testServers, uniqueDatabaseName } from '@itsm/testing';
import { MongoClient } from 'mongodb';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Services believe only the gateway: a call that reaches a service directly needs the gateway's
 * internal token (x-itsm-principal, HS256 with ITSM_INTERNAL_TOKEN_SECRET, iss itsm-gateway, aud
 * itsm-services, 60 s), and the gateway forwards the caller it authenticated, never a client's header.
 */
describe('trust boundary between the gateway and the services', () => {
  const { amqpUrl } = testServers();
  let platform: PlatformUnderTest;
  let tap: EventTap;
  let design: string;

  const now = () => Math.floor(Date.now() / 1000);

  /** A call straight to the design service's port, past the gateway. */
  const direct = (method: 'GET' | 'POST', route: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${design}${route}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['design'], 'trust');
    design = platform.backendUrl('design');
    tap = await EventTap.open(amqpUrl, 'itsm.design.calendar.#');
  });

  afterAll(async () => {
    await platform?.stop();
    await tap?.close();
  });

  describe('a service called directly', () => {
    it('answers a token the gateway would sign (the control for the refusals below)', async () => {
      expect((await direct('GET', '/v1/calendars', { 'x-itsm-principal': await internalToken() })).status).toBe(200);
    });

    it.each([
      ['the old x-itsm-actor-id header and no token', async () => ({ 'x-itsm-actor-id': 'admin-1' })],
      ['a token signed with another secret', async () => ({ 'x-itsm-principal': await internalToken({ secret: 'not-the-platform-secret-but-long-enough-0123' }) })],
      ['an expired token', async () => ({ 'x-itsm-principal': await internalToken({ iat: now() - 600, exp: now() - 540 }) })],
      ['a token for another audience', async () => ({ 'x-itsm-principal': await internalToken({ aud: 'itsm-api' }) })],
      ['a bearer token instead', async () => ({ authorization: `Bearer ${await platform.token('admin-1', ['administrator'])}` })],
    ])('refuses %s with 401 problem+json, for reads and writes', async (_case, headers) => {
      for (const response of [await direct('GET', '/v1/calendars', await headers()), await direct('POST', '/v1/calendars', await headers(), calendar('forged'))]) {
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
      }
      const listed = (await (await direct('GET', '/v1/calendars', { 'x-itsm-principal': await internalToken() })).json()) as { items: Array<{ name: string }> };
      expect(listed.items.map((item) => item.name)).not.toContain('forged');
    });

    it('keeps its health probes public', async () => {
      expect((await fetch(`${design}/health/live`)).status).toBe(200);
      expect((await fetch(`${design}/health/ready`)).status).toBe(200);
    });
  });

  describe('through the gateway', () => {
    it('ignores the internal headers a client sends and forwards the caller it authenticated', async () => {
      const forgedHeaders = { 'x-itsm-actor-id': 'mallory', 'x-itsm-principal': await internalToken({ sub: 'mallory', roles: ['administrator'] }) };
      const owner = await platform.token('owner-1', ['service_owner']);
      const created = await platform.fetch('POST', '/api/v1/calendars', owner, calendar('Lisbon office'), forgedHeaders);
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const event = await tap.waitFor((message) => message.body.subject === id);
      expect(event.routingKey).toBe(CALENDAR_CHANGED_V1.type);
      expect(event.body.actorid).toBe('owner-1');
    });

    it("answers 502, never 401, when the service refuses the gateway's own token (a secret mismatch), and says nothing of why", async () => {
      const keyDirectory = path.join(mkdtempSync(path.join(tmpdir(), 'itsm-mismatch-')), 'dev-issuer');
      const database = uniqueDatabaseName('mismatch');
      const port = await freePort();
      const mismatched = await AppProcess.start('gateway', port, {
        ITSM_GATEWAY_PORT: String(port),
        ITSM_DEV_ISSUER_DIR: keyDirectory,
        ITSM_GATEWAY_DB: database,
        ITSM_DESIGN_URL: design,
        ITSM_INTERNAL_TOKEN_SECRET: 'a-secret-the-design-service-does-not-hold-0123',
      });
      try {
        const response = await fetch(`${mismatched.baseUrl}/api/v1/calendars`, {
          headers: { authorization: `Bearer ${await devToken(keyDirectory, 'owner-1', ['service_owner'])}` },
        });
        expect(response.status).toBe(502);
        expect(response.headers.get('www-authenticate')).toBeNull();
        expect(await response.json()).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502, instance: '/api/v1/calendars' });
        expect(mismatched.logs).toContain('ITSM_INTERNAL_TOKEN_SECRET');
      } finally {
        await mismatched.stop();
        const mongo = await MongoClient.connect(testServers().mongoUrl);
        await mongo.db(database).dropDatabase().finally(() => mongo.close());
      }
    });

    it('grants nothing for a forged principal header: the service still sees a requester', async () => {
      const requester = await platform.token('req-1', ['requester']);
      // Validly signed (the test secret): were the gateway to forward it, design would see an administrator.
      const forgedHeaders = { 'x-itsm-actor-id': 'admin-1', 'x-itsm-principal': await internalToken({ sub: 'admin-1', roles: ['administrator'] }) };
      // Design, not the gateway, refuses drafts to whoever cannot manage the catalogue.
      expect((await platform.fetch('GET', '/api/v1/services?state=draft', requester, undefined, forgedHeaders)).status).toBe(403);
      const admin = await platform.token('admin-1', ['administrator']);
      expect((await platform.fetch('GET', '/api/v1/services?state=draft', admin)).status).toBe(200);
    });
  });
});
