import { INCIDENT_INTAKE_QUEUE } from '@itsm/contracts';
import { REGISTER_INCIDENT_V1 } from '@itsm/contracts/operation';
import { AppProcess, brokerManagementRequest, deleteQueues, devToken, eventually, freePort, queueDepth, testServers, uniqueDatabaseName } from '@itsm/testing';
import { MongoClient } from 'mongodb';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Bounded intake under overload, through the built apps as deployed: the intake role sets the intake
 * queue's bound (ITSM_INTAKE_MAX_LENGTH, a broker policy) at start; with no consumer running, the
 * gateway accepts reports until the queue is past it, then answers 503 with Retry-After at once; every
 * report it accepted is stored once intake runs again, and reports are accepted again once it drained.
 */
describe('incident intake under overload (bounded intake queue)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const LIMIT = 20;
  const dbName = uniqueDatabaseName('overload');
  const keyDirectory = path.join(mkdtempSync(path.join(tmpdir(), 'itsm-overload-')), 'dev-issuer');
  const policyPath = `/policies/${encodeURIComponent('/')}/${encodeURIComponent(`${INCIDENT_INTAKE_QUEUE}.length-limit`)}`;
  const apps: AppProcess[] = [];
  let gateway: AppProcess;
  let mongo: MongoClient;
  let token: string;
  /** Ids the gateway answered 202 for. */
  const accepted: string[] = [];

  const startOperation = async (roles: string) => {
    const port = await freePort();
    const app = await AppProcess.start('operation', port, {
      ITSM_OPERATION_ROLES: roles,
      ITSM_OPERATION_PORT: String(port),
      ITSM_OPERATION_DB: dbName,
      ITSM_INTAKE_MAX_LENGTH: String(LIMIT),
    });
    apps.push(app);
    return app;
  };
  const report = (title: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway.baseUrl}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ title, impact: 2, urgency: 2 }),
    });
  const intakeDepth = async () => (await queueDepth(amqpUrl, INCIDENT_INTAKE_QUEUE)).messages;
  const refusedByGateway = async () => {
    const text = await (await fetch(gateway.metricsUrl)).text();
    const line = text.split('\n').find((candidate) => candidate.startsWith('itsm_messages_refused_total{') && candidate.includes(`type="${REGISTER_INCIDENT_V1.type}"`));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  beforeAll(async () => {
    await deleteQueues(amqpUrl, [INCIDENT_INTAKE_QUEUE]);
    // An intake instance sets the bound at start, then stops: nothing consumes until the queue is full.
    const firstIntake = await startOperation('intake');
    const policy = await brokerManagementRequest(amqpUrl, policyPath);
    expect(await policy.json()).toMatchObject({ definition: { 'max-length': LIMIT, overflow: 'reject-publish' } });
    await firstIntake.stop();
    const query = await startOperation('query');
    const gatewayPort = await freePort();
    gateway = await AppProcess.start('gateway', gatewayPort, {
      ITSM_GATEWAY_PORT: String(gatewayPort),
      ITSM_OPERATION_QUERY_URL: query.baseUrl,
      ITSM_AUTH_MODE: 'dev',
      ITSM_DEV_ISSUER_DIR: keyDirectory,
      ITSM_GATEWAY_DB: `${dbName}_gateway`,
    });
    apps.push(gateway);
    token = await devToken(keyDirectory, 'agent-1', ['service_desk_agent']);
    mongo = await MongoClient.connect(mongoUrl);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    // Leave the shared broker as it was: no bound of this suite's on the intake queue.
    await brokerManagementRequest(amqpUrl, policyPath, 'DELETE');
    await deleteQueues(amqpUrl, [INCIDENT_INTAKE_QUEUE]);
    for (const suffix of ['', '_gateway']) await mongo?.db(`${dbName}${suffix}`).dropDatabase();
    await mongo?.close();
  });

  it('accepts reports until the intake queue is past its bound, then answers 503 problem+json with Retry-After at once', async () => {
    const BURST = 8;
    let refusal: Response | undefined;
    // Bursts of concurrent reports, as clients send them: every 202 must be in the queue, whatever the race.
    for (let burst = 0; burst < 10 && !refusal; burst++) {
      const responses = await Promise.all(Array.from({ length: BURST }, (_, index) => report(`overload ${burst}.${index}`)));
      for (const response of responses) {
        if (response.status === 202) accepted.push(((await response.json()) as { id: string }).id);
        else refusal ??= response;
      }
    }
    // A quorum queue takes one more than its bound, and what is in flight as it crosses it, before it refuses.
    expect(accepted.length).toBeGreaterThanOrEqual(LIMIT);
    expect(accepted.length).toBeLessThanOrEqual(LIMIT + BURST);
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(refusal?.status).toBe(503);
    expect(refusal?.headers.get('content-type')).toContain('application/problem+json');
    expect(refusal?.headers.get('retry-after')).toBe('5');
    expect(await refusal?.json()).toEqual({ type: 'about:blank', title: 'Service Unavailable', status: 503, instance: '/api/v1/incidents' });
    expect(await intakeDepth()).toBe(accepted.length);
  });

  it('keeps refusing while the queue is full, without growing it, and counts each refusal', async () => {
    const before = await refusedByGateway();
    const started = Date.now();
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, index) => report(`refused ${index}`).then((response) => response.status)));
    expect(statuses).toEqual(Array(10).fill(503));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await intakeDepth()).toBe(accepted.length);
    expect((await refusedByGateway()) - before).toBe(10);
  });

  it('does not keep a refused request as answered: the same Idempotency-Key is refused while full', async () => {
    const response = await report('with a key', { 'idempotency-key': 'overload-retry-1' });
    expect(response.status).toBe(503);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
  });

  describe('once intake runs again', () => {
    beforeAll(async () => {
      await startOperation('intake');
      await eventually(intakeDepth, (depth) => depth === 0, { what: 'the backlog to drain', timeoutMs: 30_000 });
    });

    it('has stored every report it accepted (none lost)', async () => {
      const stored = await eventually(
        () => mongo.db(dbName).collection('incidents').countDocuments({ _id: { $in: accepted } } as never),
        (count) => count === accepted.length,
        { what: 'every accepted report stored', timeoutMs: 30_000 },
      );
      expect(stored).toBe(accepted.length);
      for (const id of [accepted[0], accepted[accepted.length - 1]]) {
        const response = await fetch(`${gateway.baseUrl}/api/v1/incidents/${id}`, { headers: { authorization: `Bearer ${token}` } });
        expect(response.status).toBe(200);
      }
    });

    it('accepts reports again, the refused Idempotency-Key included (answered fresh, not replayed)', async () => {
      expect((await report('after the drain')).status).toBe(202);
      const retried = await report('with a key', { 'idempotency-key': 'overload-retry-1' });
      expect(retried.status).toBe(202);
      expect(retried.headers.get('idempotent-replayed')).toBeNull();
      const replayed = await report('with a key', { 'idempotency-key': 'overload-retry-1' });
      expect(replayed.status).toBe(202);
      expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    });
  });
});
