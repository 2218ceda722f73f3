import { AppProcess, freePort, testServers } from '@itsm/testing';

/** The gateway's edge protections, on a gateway of its own with a tiny request budget. */
describe('gateway hardening', () => {
  const { amqpUrl } = testServers();
  const portal = 'https://portal.example.com';
  let gateway: AppProcess;

  beforeAll(async () => {
    const port = await freePort();
    gateway = await AppProcess.start('gateway', port, {
      ITSM_AMQP_URL: amqpUrl,
      ITSM_GATEWAY_PORT: String(port),
      ITSM_RATE_LIMIT_PER_ADDRESS: '5',
      ITSM_CORS_ORIGINS: portal,
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
  });

  it('answers 429 problem+json with Retry-After once an address spends its budget, but never throttles probes', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) statuses.push((await fetch(`${gateway.baseUrl}/api/v1/incidents`)).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const limited = await fetch(`${gateway.baseUrl}/api/v1/incidents`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${gateway.baseUrl}/health/ready`)).status).toBe(200);
  });
});
