import { ALERT_CORRELATED_V1, ALERT_RESOLVED_V1, ALERT_SOURCE_REGISTERED_V1 } from '@itsm/contracts/operation';
import { uuidV7 } from '@itsm/contracts';
import { EventTap, PlatformUnderTest, TappedMessage, eventually, testServers } from '@itsm/testing';
import { MongoClient } from 'mongodb';

interface AlertEvent {
  alertCorrelationId: string;
  incidentId?: string;
  name: string;
  firing: number;
  alerts: number;
  opened?: boolean;
  incidentResolved?: boolean;
}

/**
 * Alert intake end to end: alert sources and rules through the gateway, Alertmanager's webhook and the generic
 * alert through the alert intake queue to operation's alert-intake role, incidents through incident intake and
 * the lifecycle, with the real broker and database. One alert-intake consumer taking one message at a time, so
 * an alert sent last is taken in last (a marker that what was sent before it is done).
 */
describe('alert intake end to end', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const tokens = { admin: '', manager: '', agent: '' };
  let platform: PlatformUnderTest;
  let tap: EventTap;
  let credential = '';
  const call = (method: string, route: string, as: keyof typeof tokens, body?: unknown) => platform.fetch(method, route, tokens[as], body);
  const asSource = (route: string, body: unknown, token = credential) => platform.fetch('POST', route, token, body);
  const alertEvents = (name: string) => tap.messages.filter((message) => message.body.type === ALERT_CORRELATED_V1.type && (message.body.data as AlertEvent).name === name);
  const dataOf = (message: TappedMessage) => message.body.data as AlertEvent;
  let markers = 0;

  /** Sends a marker alert and waits for it: everything sent before it has been taken in. */
  async function drained(): Promise<void> {
    const name = `Marker${(markers += 1)}`;
    expect((await asSource('/api/v1/alerts', { status: 'firing', name, startsAt: new Date().toISOString() })).status).toBe(202);
    await tap.waitFor((message) => message.body.type === ALERT_CORRELATED_V1.type && dataOf(message).name === name);
  }

  const webhook = (groupKey: string, alerts: Array<{ name: string; service: string; status?: 'firing' | 'resolved'; startsAt?: string }>) => ({
    version: '4',
    groupKey,
    truncatedAlerts: 0,
    status: alerts.every((alert) => alert.status === 'resolved') ? 'resolved' : 'firing',
    receiver: 'itsm',
    groupLabels: { service: alerts[0]?.service ?? '' },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts: alerts.map(({ name, service, status = 'firing', startsAt = '2026-11-30T10:00:00Z' }) => ({
      status,
      labels: { alertname: name, severity: 'critical', service, instance: `${service}:9100` },
      annotations: { summary: `${name} on ${service}` },
      startsAt,
      endsAt: status === 'firing' ? '0001-01-01T00:00:00Z' : '2026-11-30T10:30:00Z',
      generatorURL: 'http://prometheus:9090/graph',
      fingerprint: `fp-${service}-${name}`,
    })),
  });

  async function incidentOf(name: string): Promise<string> {
    const event = await tap.waitFor((message) => message.body.type === ALERT_CORRELATED_V1.type && dataOf(message).name === name);
    const incidentId = dataOf(event).incidentId as string;
    expect(incidentId).toBeDefined();
    return incidentId;
  }

  const timelineNotes = async (incidentId: string) => {
    const page = (await (await call('GET', `/api/v1/incidents/${incidentId}/timeline?limit=200`, 'agent')).json()) as { items: Array<{ type: string; visibility: string; text?: string; by: string }> };
    return page.items.filter((entry) => entry.type === 'commented' && entry.visibility === 'internal').map((entry) => entry.text ?? '');
  };
  const stateOf = async (incidentId: string) => ((await (await call('GET', `/api/v1/incidents/${incidentId}`, 'agent')).json()) as { state: string }).state;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['operation'], 'alerts', { ITSM_ALERT_INTAKE_PREFETCH: '1' });
    tokens.admin = await platform.token('admin-1', ['administrator']);
    tokens.manager = await platform.token('im-1', ['incident_manager']);
    tokens.agent = await platform.token('agent-1', ['service_desk_agent']);
    tap = await EventTap.open(amqpUrl, 'itsm.operation.#');

    const registered = await call('POST', '/api/v1/alert-sources', 'admin', { name: 'Prometheus production', description: 'Alertmanager of the production cluster' });
    expect(registered.status).toBe(201);
    const source = (await registered.json()) as { id: string; credential: string; active: boolean };
    expect(source).toMatchObject({ active: true, credential: expect.stringMatching(/^itsmas\./) });
    credential = source.credential;
    const event = await tap.waitFor((message) => message.body.subject === source.id);
    expect(event.routingKey).toBe(ALERT_SOURCE_REGISTERED_V1.type);
    expect(JSON.stringify(event.body)).not.toContain(credential.split('.')[2]);

    const rule = await call('POST', '/api/v1/alert-rules', 'manager', {
      name: 'critical alerts open incidents', order: 10, severities: ['critical'], labels: [{ label: 'env', values: ['test'], negate: true }],
      createIncident: true, impact: 1, urgency: 2, autoResolve: true, category: 'monitoring', active: true,
    });
    expect(rule.status).toBe(201);
  });

  afterAll(async () => {
    await platform?.stop();
    await tap?.close();
  });

  it('Alertmanager firing twice gives one incident', async () => {
    const payload = webhook('{}:{service="mail"}', [{ name: 'MailQueueStuck', service: 'mail' }]);
    expect((await asSource('/api/v1/alerts/alertmanager', payload)).status).toBe(202);
    expect((await asSource('/api/v1/alerts/alertmanager', payload)).status).toBe(202);
    await drained();
    expect(alertEvents('MailQueueStuck')).toHaveLength(1);
    const incidentId = await incidentOf('MailQueueStuck');
    await eventually(() => call('GET', `/api/v1/incidents/${incidentId}`, 'agent'), (response) => response.status === 200);
    const incident = (await (await call('GET', `/api/v1/incidents/${incidentId}`, 'agent')).json()) as Record<string, unknown>;
    expect(incident).toMatchObject({ title: 'MailQueueStuck: MailQueueStuck on mail', impact: 1, urgency: 2, category: 'monitoring', callerId: 'system:alert-intake' });
    const alerts = (await (await call('GET', `/api/v1/incidents/${incidentId}/alerts`, 'agent')).json()) as { alerts: unknown[]; firing: number };
    expect(alerts).toMatchObject({ firing: 1, alerts: [{ name: 'MailQueueStuck', status: 'firing', severity: 'critical' }] });
  });

  it('three alerts on one service in the window give one incident with three alerts', async () => {
    for (const name of ['DbSlow', 'DbConnections', 'DbReplicaLag']) {
      const generic = { status: 'firing', name, severity: 'critical', serviceId: 'db', group: 'database', labels: { service: 'db' }, startsAt: '2026-11-30T11:00:00Z' };
      expect((await asSource('/api/v1/alerts', generic)).status).toBe(202);
    }
    await drained();
    const incidentIds = new Set(['DbSlow', 'DbConnections', 'DbReplicaLag'].map((name) => dataOf(alertEvents(name)[0] as TappedMessage).incidentId));
    expect(incidentIds.size).toBe(1);
    const incidentId = [...incidentIds][0] as string;
    const alerts = await eventually(
      async () => (await (await call('GET', `/api/v1/incidents/${incidentId}/alerts`, 'agent')).json()) as { alerts: Array<{ name: string }> },
      (view) => view.alerts.length === 3,
    );
    expect(alerts.alerts.map((alert) => alert.name)).toEqual(['DbSlow', 'DbConnections', 'DbReplicaLag']);
    // The two that joined are noted on the incident (once it is stored: the notes wait for it).
    await eventually(() => timelineNotes(incidentId), (notes) => notes.length === 2);
  });

  it('an alert on a configuration item the CMDB does not have still becomes an incident, without the item and with a note why', async () => {
    const alert = { status: 'firing', name: 'DiskFull', severity: 'critical', configurationItemId: 'host-not-in-cmdb', startsAt: '2026-11-30T11:30:00Z' };
    expect((await asSource('/api/v1/alerts', alert)).status).toBe(202);
    const incidentId = await incidentOf('DiskFull');
    const stored = await eventually(() => call('GET', `/api/v1/incidents/${incidentId}`, 'agent'), (response) => response.status === 200, { what: 'the incident to be stored' });
    const incident = (await stored.json()) as Record<string, unknown>;
    expect(incident['configurationItemId']).toBeUndefined();
    expect(incident['description']).toContain('Configuration item host-not-in-cmdb left out: no configuration item of the CMDB has the id or external id host-not-in-cmdb');
  });

  it('alerts naming one item by its external id and by its id join one correlation, whose incident names the item by its id', async () => {
    const itemId = uuidV7();
    const externalId = `disk-host-${Date.now()}`;
    // The item as operation's copy of the CMDB holds it once transition's event arrived (no transition runs here).
    const client = await MongoClient.connect(mongoUrl);
    try {
      const copy = client.db(platform.databaseOf('operation')).collection<{ _id: string; [field: string]: unknown }>('configuration_items');
      await copy.insertOne({ _id: itemId, externalKey: externalId, name: 'Disk host', classKey: 'server', lifecycleState: 'operational', version: 1, changedAt: new Date() });
    } finally {
      await client.close();
    }
    const startsAt = '2026-11-30T12:00:00Z';
    expect((await asSource('/api/v1/alerts', { status: 'firing', name: 'InodesLow', severity: 'critical', configurationItemId: externalId, startsAt })).status).toBe(202);
    expect((await asSource('/api/v1/alerts', { status: 'firing', name: 'IoWaitHigh', severity: 'critical', configurationItemId: itemId, startsAt })).status).toBe(202);
    await drained();
    const [first, second] = ['InodesLow', 'IoWaitHigh'].map((name) => dataOf(alertEvents(name)[0] as TappedMessage));
    expect(second?.alertCorrelationId).toBe(first?.alertCorrelationId);
    expect(second?.incidentId).toBe(first?.incidentId);
    const stored = await eventually(() => call('GET', `/api/v1/incidents/${first?.incidentId ?? ''}`, 'agent'), (response) => response.status === 200, { what: 'the incident to be stored' });
    expect(((await stored.json()) as Record<string, unknown>)['configurationItemId']).toBe(itemId);
  });

  it('resolved alerts give notes; one of two resolved does not resolve the incident, the last one does', async () => {
    const firing = webhook('{}:{service="vpn"}', [{ name: 'VpnDown', service: 'vpn' }, { name: 'VpnLatency', service: 'vpn' }]);
    expect((await asSource('/api/v1/alerts/alertmanager', firing)).status).toBe(202);
    const incidentId = await incidentOf('VpnDown');
    expect(await incidentOf('VpnLatency')).toBe(incidentId);

    const oneResolved = webhook('{}:{service="vpn"}', [{ name: 'VpnDown', service: 'vpn', status: 'resolved' }, { name: 'VpnLatency', service: 'vpn' }]);
    expect((await asSource('/api/v1/alerts/alertmanager', oneResolved)).status).toBe(202);
    const resolvedOne = await tap.waitFor((message) => message.body.type === ALERT_RESOLVED_V1.type && dataOf(message).name === 'VpnDown');
    expect(dataOf(resolvedOne)).toMatchObject({ incidentId, firing: 1, alerts: 2, incidentResolved: false });
    await eventually(() => timelineNotes(incidentId), (notes) => notes.some((text) => text.startsWith('Alert VpnDown (critical) resolved')));
    await drained();
    expect(await stateOf(incidentId)).toBe('new');

    const allResolved = webhook('{}:{service="vpn"}', [{ name: 'VpnDown', service: 'vpn', status: 'resolved' }, { name: 'VpnLatency', service: 'vpn', status: 'resolved' }]);
    expect((await asSource('/api/v1/alerts/alertmanager', allResolved)).status).toBe(202);
    const resolvedLast = await tap.waitFor((message) => message.body.type === ALERT_RESOLVED_V1.type && dataOf(message).name === 'VpnLatency');
    expect(dataOf(resolvedLast)).toMatchObject({ incidentId, firing: 0, incidentResolved: true });
    await eventually(() => stateOf(incidentId), (state) => state === 'resolved');
    const notes = await timelineNotes(incidentId);
    expect(notes.filter((text) => text.includes('resolved ('))).toHaveLength(2);
    // The resent resolution of VpnDown was a repeat: one resolved event for it.
    expect(tap.messages.filter((message) => message.body.type === ALERT_RESOLVED_V1.type && dataOf(message).name === 'VpnDown')).toHaveLength(1);
  });

  it('an alert source reaches the alert routes only; a revoked or wrong credential is refused; users cannot post alerts', async () => {
    expect((await platform.fetch('GET', '/api/v1/incidents', credential)).status).toBe(403);
    expect((await platform.fetch('GET', '/api/v1/alert-rules', credential)).status).toBe(403);
    expect((await platform.fetch('POST', '/api/v1/alert-sources', credential, { name: 'sneaky' })).status).toBe(403);
    const alert = { status: 'firing', name: 'X', startsAt: '2026-11-30T12:00:00Z' };
    expect((await call('POST', '/api/v1/alerts', 'admin', alert)).status).toBe(403);
    const wrong = `${credential.slice(0, -4)}AAAA`;
    expect((await asSource('/api/v1/alerts', alert, wrong)).status).toBe(401);

    const other = (await (await call('POST', '/api/v1/alert-sources', 'admin', { name: 'Staging' })).json()) as { id: string; credential: string };
    const revoked = await call('POST', `/api/v1/alert-sources/${other.id}/revocation`, 'admin');
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ id: other.id, active: false });
    expect((await asSource('/api/v1/alerts', alert, other.credential)).status).toBe(401);
    expect((await call('POST', `/api/v1/alert-sources/${other.id}/revocation`, 'admin')).status).toBe(409);
    const listed = (await (await call('GET', '/api/v1/alert-sources', 'admin')).json()) as { items: Array<Record<string, unknown>> };
    expect(listed.items.map((item) => item['name'])).toEqual(['Prometheus production', 'Staging']);
    expect(JSON.stringify(listed)).not.toMatch(/credential|secret/i);
    expect((await call('GET', '/api/v1/alert-sources', 'manager')).status).toBe(403);
  });

  it('refuses an Alertmanager payload of another version, or a label that cannot be a service id, with 400 naming the field', async () => {
    const payload = webhook('{}:{}', [{ name: 'A', service: 'x' }]);
    const wrongVersion = await asSource('/api/v1/alerts/alertmanager', { ...payload, version: '3' });
    expect(wrongVersion.status).toBe(400);
    const tooLong = await asSource('/api/v1/alerts/alertmanager', webhook('{}:{}', [{ name: 'A', service: 's'.repeat(101) }]));
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { errors: Array<{ field: string }> }).errors.map((error) => error.field)).toEqual(['alerts.0.serviceId']);
  });
});
