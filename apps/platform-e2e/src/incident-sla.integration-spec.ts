import { IncidentPage, IncidentView, SLA_BREACHED_V1, SLA_STARTED_V1, SLA_WARNING_V1 } from '@itsm/contracts/operation';
import { EventTap, PlatformUnderTest, eventually, testServers } from '@itsm/testing';

/**
 * End to end through the built gateway, design and operation: a service level defined in design reaches
 * operation's copy by its event, a new incident gets its clocks, and operation's SLA sweep (every second
 * here) fires the warning and the breach on its own clock, to an outside subscriber bound to
 * `itsm.operation.sla.#`; the incident shows the breached clock and the list finds it by `slaBreached`.
 * A 24x7 target of one minute keeps it short; business-hour calendars are covered by
 * apps/operation's sla-engine.integration-spec.ts with an injected clock.
 */
describe('incident SLA end to end', () => {
  let platform: PlatformUnderTest;
  let tap: EventTap;
  let agent = '';
  let caller = '';
  let slaId = '';

  beforeAll(async () => {
    tap = await EventTap.open(testServers().amqpUrl, 'itsm.operation.sla.#');
    platform = await PlatformUnderTest.start(['design', 'operation'], 'incident_sla', { ITSM_SLA_SWEEP_SECONDS: '1' });
    agent = await platform.token('agent-1', ['service_desk_agent']);
    caller = await platform.token('carol', ['requester']);
    const owner = await platform.token('owner-1', ['service_owner']);
    const defined = await platform.fetch('POST', '/api/v1/slas', owner, {
      name: 'P3 one minute',
      kind: 'sla',
      appliesTo: { recordType: 'incident', priorities: [3] },
      targets: { resolutionMinutes: 1 },
      conditions: { start: ['new'], pause: ['on_hold'], resume: ['in_progress'], stop: ['resolved', 'closed'], reset: [], cancel: ['cancelled'] },
      warningThresholds: [50],
    });
    expect(defined.status).toBe(201);
    slaId = ((await defined.json()) as { id: string }).id;
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await tap?.close();
  });

  it('attaches the SLA at intake, fires its warning and breach once on time, and shows and lists the incident as breached', async () => {
    // Operation follows design's event; a report made before it arrived gets no clock, so report until one does.
    const incident = await eventually(
      async () => {
        const accepted = await platform.fetch('POST', '/api/v1/incidents', caller, { title: 'payroll export fails', impact: 2, urgency: 2 });
        const { id } = (await accepted.json()) as { id: string };
        const found = await eventually(() => platform.fetch('GET', `/api/v1/incidents/${id}`, agent), (response) => response.status === 200, { what: 'the incident to be recorded' });
        return (await found.json()) as IncidentView;
      },
      (view) => view.slas.length > 0,
      { what: 'an incident with the SLA attached', timeoutMs: 30_000 },
    );
    expect(incident.slas).toEqual([expect.objectContaining({ slaId, slaVersion: 1, kind: 'sla', target: 'resolution', targetMs: 60_000, stage: 'in_progress', breached: false, attached: true })]);
    const started = await tap.waitFor((message) => message.body.subject === incident.id && message.body.type === SLA_STARTED_V1.type);
    const dueAt = Date.parse((started.body.data as { dueAt: string }).dueAt);
    expect(dueAt - Date.parse(incident.createdAt)).toBeLessThanOrEqual(60_000);

    const warning = await tap.waitFor((message) => message.body.subject === incident.id && message.body.type === SLA_WARNING_V1.type, 60_000);
    expect(warning.body.data).toMatchObject({ percent: 50, recordType: 'incident', recordId: incident.id });
    const breach = await tap.waitFor((message) => message.body.subject === incident.id && message.body.type === SLA_BREACHED_V1.type, 60_000);
    // Received within seconds of the due time (sweep every second, the relay publishing at once); the event's `time` is the due time itself.
    expect(Date.now() - dueAt).toBeLessThan(10_000);
    expect(breach.body.data).toMatchObject({ recordType: 'incident', recordId: incident.id, slaId, target: 'resolution', at: new Date(dueAt).toISOString() });

    const shown = (await (await platform.fetch('GET', `/api/v1/incidents/${incident.id}`, agent)).json()) as IncidentView;
    expect(shown).toMatchObject({ slaBreached: true, slas: [expect.objectContaining({ stage: 'breached', breached: true })] });
    expect(shown.slas[0]?.remainingMs).toBeLessThan(0);
    const listed = (await (await platform.fetch('GET', '/api/v1/incidents?slaBreached=true&limit=100', agent)).json()) as IncidentPage;
    expect(listed.items.map((item) => item.id)).toContain(incident.id);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(tap.messages.filter((message) => message.body.subject === incident.id && message.body.type === SLA_BREACHED_V1.type)).toHaveLength(1);
  }, 180_000);
});
