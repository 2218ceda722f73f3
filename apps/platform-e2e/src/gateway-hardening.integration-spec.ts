import { AppProcess, devToken, freePort, testServers } from '@itsm/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The gateway's edge protections, on a gateway of its own with a tiny request budget. */
describe('gateway hardening', () => {
  const { amqpUrl } = testServers();
  const portal = 'https://portal.example.com';
  const keyDirectory = path.join(mkdtempSync(path.join(tmpdir(), 'itsm-hardening-')), 'dev-issuer');
  let gateway: AppProcess;

  beforeAll(async () => {
    const port = await freePort();
    gateway = await AppProcess.start('gateway', port, {
      ITSM_AMQP_URL: amqpUrl,
      ITSM_GATEWAY_PORT: String(port),
      ITSM_RATE_LIMIT_PER_ADDRESS: '12',
      ITSM_RATE_LIMIT_PER_USER: '3',
      ITSM_CORS_ORIGINS: portal,
      ITSM_DEV_ISSUER_DIR: keyDirectory,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  const preflight = (origin: string) =>
    fetch(`${gateway.baseUrl}/api/v1/incidents`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });

  it('sends security headers that forbid framing, sniffing and loading anything', async () => {
    const response = await fetch(`${gateway.baseUrl}/health/live`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('allows cross-origin calls from configured origins only', async () => {
    expect((await preflight(portal)).headers.get('access-control-allow-origin')).toBe(portal);
    expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    // Every revision route is a PUT: browsers must be allowed to send one.
    expect((await preflight(portal)).headers.get('access-control-allow-methods')?.split(/,\s*/)).toEqual(['GET', 'POST', 'PUT']);
  });

  it('answers 429 with Retry-After once a user spends their budget, and not to another user', async () => {
    const call = (token: string) => fetch(`${gateway.baseUrl}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` } });
    const carol = await devToken(keyDirectory, 'carol', ['requester']);
    const dave = await devToken(keyDirectory, 'dave', ['requester']);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) statuses.push((await call(carol)).status);
    expect(statuses.slice(0, 3)).not.toContain(429);
    const limited = await call(carol);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(dave)).status).not.toBe(429);
  });

  it('answers 429 problem+json with Retry-After once an address spends its budget, but never throttles probes', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) statuses.push((await fetch(`${gateway.baseUrl}/api/v1/incidents`)).status);
    expect(statuses.at(-1)).toBe(429);
    const limited = await fetch(`${gateway.baseUrl}/api/v1/incidents`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${gateway.baseUrl}/health/ready`)).status).toBe(200);
  });
});
