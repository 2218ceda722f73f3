import { IncidentTimelinePage, IncidentView } from '@itsm/contracts/operation';
import { AppProcess, PlatformUnderTest, eventually, freePort, internalToken, testServers } from '@itsm/testing';

/**
 * End to end through the built gateway and operation service: an incident's whole life, its timeline as
 * an agent and as its caller sees it, and the refusals (stale version, work notes and other people's
 * incidents for a requester).
 */
describe('incident lifecycle end to end', () => {
  let platform: PlatformUnderTest;
  /** The id of the resolver's assignment group. */
  let network: string;
  const tokens: Record<'alice' | 'bob' | 'agent' | 'resolver', string> = { alice: '', bob: '', agent: '', resolver: '' };

  const call = async (method: string, route: string, as: keyof typeof tokens, body?: unknown) => platform.fetch(method, route, tokens[as], body);
  const command = async (id: string, route: string, as: keyof typeof tokens, body: object): Promise<IncidentView> => {
    const response = await call('POST', `/api/v1/incidents/${id}/${route}`, as, body);
    if (response.status !== 200) throw new Error(`${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as IncidentView;
  };
  const report = async (title: string, as: keyof typeof tokens = 'alice'): Promise<IncidentView> => {
    const accepted = await call('POST', '/api/v1/incidents', as, { title, impact: 2, urgency: 2 });
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };
    const found = await eventually(() => call('GET', `/api/v1/incidents/${id}`, as), (response) => response.status === 200, { what: 'the incident to be recorded' });
    return (await found.json()) as IncidentView;
  };

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['operation'], 'lifecycle', { ITSM_INCIDENT_CALLER_REOPEN_WITHIN_SECONDS: '3600' });
    tokens.alice = await platform.token('alice', ['requester']);
    tokens.bob = await platform.token('bob', ['requester']);
    tokens.agent = await platform.token('agent-1', ['service_desk_agent']);
    // The resolver's group, managed through the API; the identity provider names it in the resolver's groups.
    const created = await platform.fetch('POST', '/api/v1/assignment-groups', await platform.token('manager-1', ['incident_manager']), { name: 'Network', memberIds: ['resolver-1'], active: true });
    expect(created.status).toBe(201);
    network = ((await created.json()) as { id: string }).id;
    tokens.resolver = await platform.token('resolver-1', ['resolver'], [network]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('reports, assigns, starts, holds, resumes, resolves, is reopened by its caller, resolved and closed, with one timeline', async () => {
    const reported = await report('mail stuck in the outbox');
    expect(reported).toMatchObject({ state: 'new', version: 1, kpis: { reassignmentCount: 0, reopenCount: 0 } });
    const id = reported.id;
    let incident = await command(id, 'assignment', 'agent', { expectedVersion: 1, groupId: network, assigneeId: 'resolver-1' });
    expect(incident).toMatchObject({ version: 2, assignmentGroupId: network, assigneeId: 'resolver-1' });
    incident = await command(id, 'start', 'resolver', { expectedVersion: 2 });
    incident = await command(id, 'hold', 'resolver', { expectedVersion: 3, holdReason: 'awaiting_caller', workNote: 'asked for the message id' });
    expect(incident).toMatchObject({ state: 'on_hold', holdReason: 'awaiting_caller' });
    incident = await command(id, 'resume', 'resolver', { expectedVersion: 4 });
    incident = await command(id, 'work-notes', 'resolver', { expectedVersion: 5, text: 'the queue was full' });
    incident = await command(id, 'resolution', 'resolver', { expectedVersion: 6, resolutionCode: 'solved_permanently', resolutionNotes: 'queue purged' });
    expect(incident).toMatchObject({ state: 'resolved', resolution: { code: 'solved_permanently', resolvedBy: 'resolver-1' } });
    incident = await command(id, 'reopen', 'alice', { expectedVersion: 7, reason: 'stuck again' });
    expect(incident).toMatchObject({ state: 'in_progress', kpis: { reopenCount: 1 } });
    incident = await command(id, 'comments', 'alice', { expectedVersion: 8, text: 'it is the big attachment' });
    incident = await command(id, 'resolution', 'resolver', { expectedVersion: 9, resolutionCode: 'solved_workaround', resolutionNotes: 'attachment sent as a link' });
    incident = await command(id, 'close', 'alice', { expectedVersion: 10 });
    expect(incident).toMatchObject({ state: 'closed', version: 11 });
    expect((await (await call('GET', `/api/v1/incidents/${id}`, 'alice')).json()) as IncidentView).toMatchObject({ state: 'closed', version: 11 });

    const forAgent = (await (await call('GET', `/api/v1/incidents/${id}/timeline?limit=200`, 'agent')).json()) as IncidentTimelinePage;
    expect(forAgent.items.map((entry) => entry.type)).toEqual([
      'responded', 'assigned', 'state-changed', 'state-changed', 'commented', 'state-changed', 'commented', 'resolved', 'reopened', 'commented', 'resolved', 'closed',
    ]);
    const forAlice = (await (await call('GET', `/api/v1/incidents/${id}/timeline?limit=200`, 'alice')).json()) as IncidentTimelinePage;
    expect(forAlice.items.filter((entry) => entry.type === 'commented').map((entry) => entry.text)).toEqual(['it is the big attachment']);
    expect(forAlice.items.every((entry) => entry.visibility === 'public')).toBe(true);
    const firstPage = (await (await call('GET', `/api/v1/incidents/${id}/timeline?limit=5`, 'agent')).json()) as IncidentTimelinePage;
    const secondPage = (await (await call('GET', `/api/v1/incidents/${id}/timeline?limit=5&cursor=${firstPage.nextCursor}`, 'agent')).json()) as IncidentTimelinePage;
    expect(secondPage.items.map((entry) => entry.seq)).toEqual([6, 7, 8, 9, 10]);
  });

  it('answers a stale version 409, a requester\'s work note 403, another person\'s incident 404, a missing field 400', async () => {
    const { id } = await report('printer offline');
    await command(id, 'assignment', 'agent', { expectedVersion: 1, groupId: network });
    expect((await call('POST', `/api/v1/incidents/${id}/start`, 'resolver', { expectedVersion: 1 })).status).toBe(409);
    expect((await call('POST', `/api/v1/incidents/${id}/work-notes`, 'alice', { expectedVersion: 2, text: 'internal?' })).status).toBe(403);
    expect((await call('POST', `/api/v1/incidents/${id}/comments`, 'bob', { expectedVersion: 2, text: 'not mine' })).status).toBe(404);
    expect((await call('GET', `/api/v1/incidents/${id}/timeline`, 'bob')).status).toBe(404);
    const missing = await call('POST', `/api/v1/incidents/${id}/resolution`, 'resolver', { expectedVersion: 2, resolutionCode: 'solved_permanently' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('resolutionNotes');
  });

  it('loses no change when two operation processes update one incident at once', async () => {
    const { id } = await report('file share slow');
    const port = await freePort();
    const { amqpUrl, mongoUrl } = testServers();
    // A second replica of the query role on the same database, as a second pod would be.
    const second = await AppProcess.start('operation', port, {
      ITSM_AMQP_URL: amqpUrl,
      ITSM_MONGO_URL: mongoUrl,
      ITSM_OPERATION_DB: platform.databaseOf('operation'),
      ITSM_OPERATION_ROLES: 'query',
      ITSM_OPERATION_PORT: String(port),
    });
    try {
      const principal = await internalToken({ sub: 'agent-2', roles: ['service_desk_agent'] });
      /** Work notes through one replica: reads the version, posts, and on 409 reads again and retries. */
      const notes = async (via: 'gateway' | 'second', count: number) => {
        for (let index = 0; index < count; index += 1) {
          for (;;) {
            const current = (await (await call('GET', `/api/v1/incidents/${id}`, 'agent')).json()) as IncidentView;
            const body = { expectedVersion: current.version, text: `${via} ${index}` };
            const response =
              via === 'gateway'
                ? await call('POST', `/api/v1/incidents/${id}/work-notes`, 'agent', body)
                : await fetch(`${second.baseUrl}/v1/incidents/${id}/work-notes`, { method: 'POST', headers: { 'x-itsm-principal': principal, 'content-type': 'application/json' }, body: JSON.stringify(body) });
            if (response.status === 200) break;
            expect(response.status).toBe(409);
          }
        }
      };
      await Promise.all([notes('gateway', 12), notes('second', 12)]);
      const incident = (await (await call('GET', `/api/v1/incidents/${id}`, 'agent')).json()) as IncidentView;
      expect(incident.version).toBe(25);
      const timeline = (await (await call('GET', `/api/v1/incidents/${id}/timeline?limit=200`, 'agent')).json()) as IncidentTimelinePage;
      expect(new Set(timeline.items.map((entry) => entry.text)).size).toBe(24);
      expect(timeline.items.map((entry) => entry.seq)).toEqual(Array.from({ length: 24 }, (_, index) => index + 1));
    } finally {
      await second.stop();
    }
  });
});
