import { BackendApp, PlatformUnderTest, eventually, internalToken } from '@itsm/testing';

type LogLine = Record<string, unknown>;

/**
 * What the apps write to stdout, as an operator's log pipeline reads it: one JSON object per line, each
 * with the service and level; within a request its correlation id and the caller, and one access-log line
 * per request; within the handling of a message the message's correlation id and actor. No token is logged.
 */
describe('structured logs', () => {
  let platform: PlatformUnderTest;
  let token: string;

  /** Every line an app wrote, each parsed as JSON (a line that is not JSON fails the test). */
  const linesOf = (app: BackendApp | 'gateway'): LogLine[] =>
    platform
      .logsOf(app)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        try {
          return JSON.parse(line) as LogLine;
        } catch {
          throw new Error(`${app} wrote a line that is not JSON: ${line}`);
        }
      });
  /** The first line `app` writes that `matches` (lines reach the test through a pipe, a moment after they are written). */
  const lineOf = (app: BackendApp | 'gateway', what: string, matches: (line: LogLine) => boolean) =>
    eventually(
      async () => linesOf(app).find(matches),
      (line) => line !== undefined,
      { timeoutMs: 15_000, what: `${app}'s line for ${what}` },
    );
  const accessLine = (app: BackendApp | 'gateway', correlationId: string) =>
    lineOf(app, `the request ${correlationId}`, (line) => line['correlationId'] === correlationId && line['msg'] === 'request completed');

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['operation', 'audit'], 'logs', { ITSM_LOG_LEVEL: 'debug' });
    token = await platform.token('alice-logs', ['service_desk_agent']);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('follows a request from the gateway through the intake queue to the services, with its correlation id and caller on every line', async () => {
    const correlationId = `logs-${Date.now()}`;
    const reported = await platform.fetch('POST', '/api/v1/incidents', token, { title: 'Printer on fire', impact: 2, urgency: 2 }, { 'x-correlation-id': correlationId });
    expect(reported.status).toBe(202);
    expect(reported.headers.get('x-correlation-id')).toBe(correlationId);
    const { id } = (await reported.json()) as { id: string };

    expect(await accessLine('gateway', correlationId)).toEqual({
      level: 'info',
      time: expect.any(String),
      service: 'gateway',
      pid: expect.any(Number),
      hostname: expect.any(String),
      correlationId,
      actorId: 'alice-logs',
      method: 'POST',
      route: '/api/v1/incidents',
      status: 202,
      durationMs: expect.any(Number),
      msg: 'request completed',
    });

    // The intake consumer (operation) and the audit trail's consumer handle the command and the event in the request's chain.
    for (const [app, type] of [
      ['operation', 'itsm.operation.incident.register.v1'],
      ['audit', 'itsm.operation.incident.created.v1'],
    ] as const) {
      const handled = await lineOf(app, `handling ${type}`, (line) => line['messageType'] === type && line['correlationId'] === correlationId && String(line['msg']).startsWith('handled'));
      expect(handled).toMatchObject({ service: app, level: 'debug', context: expect.stringContaining('QueueConsumer'), actorId: 'alice-logs', messageId: expect.any(String) });
    }

    // A read: the gateway's access line and the operation service's, which received the gateway's correlation id and caller.
    const readCorrelationId = `${correlationId}-read`;
    const read = await eventually(
      () => platform.fetch('GET', `/api/v1/incidents/${id}`, token, undefined, { 'x-correlation-id': readCorrelationId }),
      (response) => response.status === 200,
      { timeoutMs: 15_000, what: 'the incident to be readable' },
    );
    expect(read.status).toBe(200);
    expect(await accessLine('gateway', readCorrelationId)).toMatchObject({ actorId: 'alice-logs', method: 'GET', route: '/api/v1/incidents/:id', status: 200 });
    expect(await accessLine('operation', readCorrelationId)).toMatchObject({ service: 'operation', actorId: 'alice-logs', method: 'GET', route: expect.stringContaining(':id'), status: 200 });
  });

  it('starts a chain for a request without a usable correlation id, and names the path when no route matches', async () => {
    const response = await fetch(`${platform.gateway.baseUrl}/api/v1/no-such-thing?access_token=in-the-query`, { headers: { 'x-correlation-id': 'bad id with spaces' } });
    expect(response.status).toBe(404);
    const correlationId = response.headers.get('x-correlation-id') ?? '';
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const line = await accessLine('gateway', correlationId);
    expect(line).toMatchObject({ method: 'GET', path: '/api/v1/no-such-thing', status: 404 });
    expect(line).not.toHaveProperty('route');
  });

  it('never logs a bearer token or an internal token, accepted or refused', async () => {
    const refusedBearer = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.bm90LWEtc2lnbmF0dXJl';
    const forged = await internalToken({ secret: 'not-the-platform-secret-but-long-enough-0123' });
    expect((await platform.fetch('GET', '/api/v1/incidents', refusedBearer, undefined, { 'x-correlation-id': 'refused-bearer' })).status).toBe(401);
    expect((await platform.fetch('GET', '/api/v1/incidents', token, undefined, { 'x-correlation-id': 'accepted-bearer' })).status).toBe(200);
    const direct = await fetch(`${platform.backendUrl('operation')}/v1/incidents`, { headers: { 'x-itsm-principal': forged, 'x-correlation-id': 'forged-internal' } });
    expect(direct.status).toBe(401);
    // Once these requests' lines are written:
    await accessLine('gateway', 'refused-bearer');
    await accessLine('operation', 'accepted-bearer');
    await accessLine('operation', 'forged-internal');
    for (const app of ['gateway', 'operation', 'audit'] as const) {
      const logs = platform.logsOf(app);
      for (const secret of [token, refusedBearer, forged]) expect(logs).not.toContain(secret);
      // Every JWT starts with the encoding of '{"': none at all, so the tokens the gateway signs per request are not there either.
      expect(logs).not.toContain('eyJ');
      expect(logs).not.toContain('in-the-query');
    }
  });

  it('wrote every line, at start-up and for the requests and messages above, as JSON with the service, the level and the time', () => {
    for (const app of ['gateway', 'operation', 'audit'] as const) {
      const lines = linesOf(app);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line).toMatchObject({ service: app, level: expect.stringMatching(/^(trace|debug|info|warn|error|fatal)$/), time: expect.any(String) });
      }
    }
  });
});
