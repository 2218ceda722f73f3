import { IncidentPage, IncidentTimelinePage, IncidentView, MajorIncidentPage, MajorIncidentView } from '@itsm/contracts/operation';
import { PlatformUnderTest, eventually } from '@itsm/testing';

/**
 * End to end through the built gateway and operation service: parent and child incidents (link, refusals,
 * `?parentId=`, the cascade of the parent's resolution) and a major incident's procedure (proposal, the
 * manager's decision, its log, the list of open ones, the review opened at resolution and revised).
 */
describe('parent, child and major incidents end to end', () => {
  let platform: PlatformUnderTest;
  const tokens: Record<'alice' | 'agent' | 'manager', string> = { alice: '', agent: '', manager: '' };

  const call = async (method: string, route: string, as: keyof typeof tokens, body?: unknown) => platform.fetch(method, route, tokens[as], body);
  const ok = async <T>(method: string, route: string, as: keyof typeof tokens, body: unknown, status = 200): Promise<T> => {
    const response = await call(method, route, as, body);
    if (response.status !== status) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const report = async (title: string): Promise<IncidentView> => {
    const accepted = await call('POST', '/api/v1/incidents', 'alice', { title, impact: 1, urgency: 1 });
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };
    const found = await eventually(() => call('GET', `/api/v1/incidents/${id}`, 'alice'), (response) => response.status === 200, { what: 'the incident to be recorded' });
    return (await found.json()) as IncidentView;
  };

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['operation'], 'parentmajor');
    tokens.alice = await platform.token('alice', ['requester']);
    tokens.agent = await platform.token('agent-1', ['service_desk_agent']);
    tokens.manager = await platform.token('mim-1', ['major_incident_manager']);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('links children to a major incident, keeps its log, resolves the children with it and opens its review', async () => {
    const [outage, berlin, lyon] = [await report('Mail is down'), await report('No mail in Berlin'), await report('No mail in Lyon')];

    // Parent and child incidents.
    const linked = await ok<IncidentView>('POST', `/api/v1/incidents/${berlin.id}/parent`, 'agent', { expectedVersion: 1, parentId: outage.id });
    expect(linked).toMatchObject({ parentId: outage.id, version: 2 });
    await ok('POST', `/api/v1/incidents/${lyon.id}/parent`, 'agent', { expectedVersion: 1, parentId: outage.id });
    const grandchild = await call('POST', `/api/v1/incidents/${outage.id}/parent`, 'agent', { expectedVersion: 3, parentId: berlin.id });
    expect(grandchild.status).toBe(400);
    expect(await grandchild.json()).toMatchObject({ errors: [{ field: 'parentId' }] });
    expect((await call('POST', `/api/v1/incidents/${lyon.id}/parent`, 'alice', { expectedVersion: 2, parentId: outage.id })).status).toBe(403);
    const children = await ok<IncidentPage>('GET', `/api/v1/incidents?parentId=${outage.id}`, 'agent', undefined);
    expect(children.items.map((child) => child.id)).toEqual([lyon.id, berlin.id]);
    const parentTimeline = await ok<IncidentTimelinePage>('GET', `/api/v1/incidents/${outage.id}/timeline`, 'agent', undefined);
    expect(parentTimeline.items.map((entry) => [entry.type, entry.childNumber])).toEqual([
      ['child-linked', berlin.number],
      ['child-linked', lyon.number],
    ]);

    // The major-incident procedure.
    const proposed = await ok<MajorIncidentView>('POST', `/api/v1/incidents/${outage.id}/major-incident`, 'agent', { reason: 'Every site reports it' }, 201);
    expect(proposed).toMatchObject({ id: outage.id, state: 'candidate', open: false, version: 1 });
    expect((await call('POST', `/api/v1/major-incidents/${outage.id}/decision`, 'agent', { expectedVersion: 1, decision: 'promote', reason: 'x' })).status).toBe(403);
    await ok('POST', `/api/v1/major-incidents/${outage.id}/decision`, 'manager', { expectedVersion: 1, decision: 'promote', reason: 'Company-wide outage' });
    await ok('POST', `/api/v1/major-incidents/${outage.id}/updates`, 'manager', { audience: 'internal', text: 'Relay queue full' });
    await ok('POST', `/api/v1/major-incidents/${outage.id}/updates`, 'manager', { audience: 'stakeholder', text: 'Mail is down; next update 10:30' });
    const open = await ok<MajorIncidentPage>('GET', '/api/v1/major-incidents?open=true', 'agent', undefined);
    expect(open.items.find((major) => major.id === outage.id)).toMatchObject({ state: 'promoted', latestUpdate: { seq: 2, audience: 'stakeholder', text: 'Mail is down; next update 10:30' } });

    // Resolving it resolves the children and opens the review.
    const current = await ok<IncidentView>('GET', `/api/v1/incidents/${outage.id}`, 'agent', undefined);
    await ok('POST', `/api/v1/incidents/${outage.id}/resolution`, 'agent', { expectedVersion: current.version, resolutionCode: 'solved_permanently', resolutionNotes: 'Relay disk extended' });
    for (const child of [berlin, lyon]) {
      expect(await ok<IncidentView>('GET', `/api/v1/incidents/${child.id}`, 'agent', undefined)).toMatchObject({
        state: 'resolved',
        resolution: { code: 'solved_permanently', notes: `Resolved with its parent incident ${outage.number}: Relay disk extended`, resolvedBy: 'system:operation' },
      });
    }
    const reviewed = await ok<MajorIncidentView>('GET', `/api/v1/major-incidents/${outage.id}`, 'manager', undefined);
    expect(reviewed).toMatchObject({ open: false, review: { causes: [], actions: [] } });
    expect(reviewed.review?.timeline.map((entry) => entry.source)).toEqual(expect.arrayContaining(['incident', 'communication']));
    const revised = await ok<MajorIncidentView>('PUT', `/api/v1/major-incidents/${outage.id}/review`, 'manager', {
      expectedVersion: reviewed.version,
      causes: ['Relay disk full'],
      actions: [{ description: 'Alert on relay queue depth', ownerId: 'olga', dueDate: '2026-12-15' }],
    });
    expect(revised.review).toMatchObject({ causes: ['Relay disk full'], actions: [{ ownerId: 'olga', dueDate: '2026-12-15' }] });
    expect((await call('GET', '/api/v1/major-incidents', 'alice')).status).toBe(403);
  });
});
