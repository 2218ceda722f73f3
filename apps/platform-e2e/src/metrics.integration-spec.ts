import { INCIDENT_INTAKE_QUEUE, ITSM_COMMANDS_EXCHANGE, ITSM_EVENTS_EXCHANGE, serviceEventsQueue } from '@itsm/contracts';
import { INCIDENT_CREATED_V1, REGISTER_INCIDENT_V1 } from '@itsm/contracts/operation';
import { PlatformUnderTest, eventually } from '@itsm/testing';

/** One sample of a Prometheus text exposition: its value, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(/,(?=\w+=")/);
    if (wanted.every((pair) => present.includes(pair))) return Number(match[3]);
  }
  return undefined;
}

/**
 * Prometheus metrics of the built apps, as deployed: each serves GET /metrics on a port of its own
 * (ITSM_METRICS_PORT), never through the gateway's API, and counts what the traffic did.
 */
describe('metrics end to end', () => {
  let platform: PlatformUnderTest;
  let token: string;
  const scrape = async (url: string) => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['operation', 'audit'], 'metrics');
    token = await platform.token('agent-1', ['service_desk_agent']);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('counts requests, messages and the outbox after some traffic, and serves them on the metrics port only', async () => {
    const accepted = await platform.fetch('POST', '/api/v1/incidents', token, { title: 'Metrics are scraped', impact: 2, urgency: 2 });
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };
    await eventually(() => platform.fetch('GET', `/api/v1/incidents/${id}`, token), (answer) => answer.status === 200, { what: 'the incident' });
    // The wait above may itself have met 404s (the incident not stored yet): count this one's from here.
    const notFound = { method: 'GET', route: '/api/v1/incidents/:id', status_code: '404' };
    const notFoundBefore = sample(await scrape(platform.gateway.metricsUrl), 'itsm_http_request_duration_seconds_count', notFound) ?? 0;
    expect((await platform.fetch('GET', '/api/v1/incidents/01a20e2a-fed4-7197-a433-736b13a7a69e', token)).status).toBe(404);

    const gateway = await scrape(platform.gateway.metricsUrl);
    expect(sample(gateway, 'itsm_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/incidents', status_code: '202' })).toBe(1);
    expect(sample(gateway, 'itsm_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/incidents/:id', status_code: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(gateway, 'itsm_http_request_duration_seconds_count', notFound)).toBe(notFoundBefore + 1);
    expect(sample(gateway, 'itsm_messages_published_total', { exchange: ITSM_COMMANDS_EXCHANGE, type: REGISTER_INCIDENT_V1.type })).toBe(1);
    expect(sample(gateway, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sample(gateway, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);

    // Intake stores the incident (readable from then on), publishes its events, then counts and acks the
    // command (the command is their outbox): once it counts as consumed, the broker confirmed the event.
    const operation = await eventually(
      () => scrape(platform.backend('operation').metricsUrl),
      (text) => sample(text, 'itsm_messages_consumed_total', { queue: INCIDENT_INTAKE_QUEUE, type: REGISTER_INCIDENT_V1.type }) === 1,
      { what: 'the intake command to be handled' },
    );
    expect(sample(operation, 'itsm_outbox_pending_documents', { collection: 'incidents' })).toBe(0);
    expect(sample(operation, 'itsm_messages_consumed_total', { queue: INCIDENT_INTAKE_QUEUE, type: REGISTER_INCIDENT_V1.type })).toBe(1);
    expect(sample(operation, 'itsm_message_handling_duration_seconds_count', { queue: INCIDENT_INTAKE_QUEUE, type: REGISTER_INCIDENT_V1.type })).toBe(1);
    expect(sample(operation, 'itsm_messages_retried_total')).toBeUndefined();
    expect(sample(operation, 'itsm_messages_published_total', { exchange: ITSM_EVENTS_EXCHANGE, type: INCIDENT_CREATED_V1.type })).toBe(1);
    expect(sample(operation, 'itsm_outbox_relay_lag_seconds_count', { collection: 'incidents' })).toBe(1);
    expect(sample(operation, 'itsm_http_request_duration_seconds_count', { method: 'GET', route: '/v1/incidents/:id', status_code: '200' })).toBeGreaterThanOrEqual(1);

    const audit = await eventually(
      () => scrape(platform.backend('audit').metricsUrl),
      (text) => sample(text, 'itsm_messages_consumed_total', { queue: serviceEventsQueue('audit'), type: INCIDENT_CREATED_V1.type }) === 1,
      { what: 'audit to count the event it recorded' },
    );
    expect(sample(audit, 'itsm_outbox_pending_documents')).toBeUndefined(); // audit writes no outbox

    // Not part of any API: the gateway's public port and a service's API port know no /metrics.
    expect((await fetch(`${platform.gateway.baseUrl}/metrics`)).status).toBe(404);
    expect((await fetch(`${platform.backendUrl('operation')}/metrics`)).status).toBe(404);
    expect((await fetch(platform.gateway.metricsUrl.replace('/metrics', '/api/v1/incidents'))).status).toBe(404);
  });
});
