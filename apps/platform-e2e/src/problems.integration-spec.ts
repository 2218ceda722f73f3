import { KNOWN_ERROR_WORKAROUND_PUBLISHED_V1, PROBLEM_CREATED_V1 } from '@itsm/contracts/operation';
import { EventTap, PlatformUnderTest, eventually, registerConfigurationItem, testServers } from '@itsm/testing';

/** Problems and known errors through the gateway and the operation service (both roles), as deployed, on items of transition's CMDB. */
describe('problems and known errors end to end', () => {
  const { amqpUrl } = testServers();
  const tokens = { manager: '', agent: '', requester: '' };
  let platform: PlatformUnderTest;
  let tap: EventTap;
  const call = (method: string, route: string, as: keyof typeof tokens, body?: unknown) => platform.fetch(method, route, tokens[as], body);
  const json = async <T>(response: Response) => (await response.json()) as T;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['operation', 'transition'], 'problems');
    tokens.manager = await platform.token('pm-1', ['problem_manager']);
    tokens.agent = await platform.token('agent-1', ['service_desk_agent']);
    tokens.requester = await platform.token('req-1', ['requester']);
    tap = await EventTap.open(amqpUrl, 'itsm.operation.#');
    // The item the problem names, in the CMDB and in operation's copy of it.
    await registerConfigurationItem(platform, 'ci-relay-1');
  });

  afterAll(async () => {
    await platform?.stop();
    await tap?.close();
  });

  it('reports a problem, links an incident (shown on it), publishes a workaround to it, finds the known error, and the fix resolves the incident', async () => {
    const reported = await call('POST', '/api/v1/incidents', 'requester', { title: 'Mail stuck in my outbox', impact: 2, urgency: 2 });
    const incidentId = (await json<{ id: string }>(reported)).id;
    await eventually(() => call('GET', `/api/v1/incidents/${incidentId}`, 'agent'), (response) => response.status === 200, { what: 'the incident to be stored' });

    expect((await call('POST', '/api/v1/problems', 'requester', { title: 'x', configurationItemIds: [], impact: 2, urgency: 2, resolveLinkedIncidents: true })).status).toBe(403);
    const onNoItem = await call('POST', '/api/v1/problems', 'agent', { title: 'Relay of nowhere', configurationItemIds: ['ci-relay-9'], impact: 2, urgency: 1, resolveLinkedIncidents: true });
    expect(onNoItem.status).toBe(400);
    expect((await json<{ errors: Array<{ field: string }> }>(onNoItem)).errors.map((error) => error.field)).toEqual(['configurationItemIds']);
    const created = await call('POST', '/api/v1/problems', 'agent', { title: 'Mail relay drops messages', serviceId: 'svc-mail', configurationItemIds: ['ci-relay-1'], impact: 2, urgency: 1, resolveLinkedIncidents: true });
    expect(created.status).toBe(201);
    const problem = await json<{ id: string; number: string }>(created);
    expect(created.headers.get('location')).toBe(`/api/v1/problems/${problem.id}`);
    expect(problem).toMatchObject({ state: 'new', priority: 2, version: 1, reportedBy: 'agent-1', incidentIds: [] });
    expect((await tap.waitFor((message) => message.body.subject === problem.id)).routingKey).toBe(PROBLEM_CREATED_V1.type);

    const unknown = await call('POST', `/api/v1/problems/${problem.id}/incident-links`, 'agent', { incidentId: '01a20e2a-fed4-7197-a433-736b13a7a69e' });
    expect(unknown.status).toBe(400);
    expect((await json<{ errors: Array<{ field: string }> }>(unknown)).errors.map((error) => error.field)).toEqual(['incidentId']);
    const linked = await call('POST', `/api/v1/problems/${problem.id}/incident-links`, 'agent', { incidentId });
    expect(await json(linked)).toMatchObject({ version: 2, incidentIds: [incidentId] });
    await eventually(
      async () => json<{ problemNumber?: string }>(await call('GET', `/api/v1/incidents/${incidentId}`, 'requester')),
      (view) => view.problemNumber === problem.number,
      { what: 'the incident to show its problem' },
    );

    const details = { title: 'Mail relay drops messages', serviceId: 'svc-mail', configurationItemIds: ['ci-relay-1'], impact: 1, urgency: 1, resolveLinkedIncidents: true };
    expect((await call('PUT', `/api/v1/problems/${problem.id}`, 'agent', { ...details, expectedVersion: 2 })).status).toBe(403);
    expect(await json(await call('PUT', `/api/v1/problems/${problem.id}`, 'manager', { ...details, expectedVersion: 2 }))).toMatchObject({ version: 3, priority: 1 });
    expect((await call('POST', `/api/v1/problems/${problem.id}/investigation`, 'agent', { expectedVersion: 3 })).status).toBe(403);
    expect((await call('POST', `/api/v1/problems/${problem.id}/investigation`, 'manager', { expectedVersion: 3 })).status).toBe(200);
    expect((await call('POST', `/api/v1/problems/${problem.id}/investigation`, 'manager', { expectedVersion: 3 })).status).toBe(409);
    const analysed = await call('POST', `/api/v1/problems/${problem.id}/root-cause`, 'manager', { expectedVersion: 4, method: 'five_whys', rootCause: 'Relay queue too small', contributingFactors: ['no alert'] });
    expect(await json(analysed)).toMatchObject({ state: 'root_cause_known', rootCauseAnalysis: { method: 'five_whys', rootCause: 'Relay queue too small', contributingFactors: ['no alert'], recordedBy: 'pm-1' } });

    const knownError = await json<{ id: string }>(
      await call('POST', '/api/v1/known-errors', 'manager', {
        problemId: problem.id,
        title: 'Relay queue overflows',
        symptom: 'Outgoing mail stays in the outbox',
        rootCause: 'The relay queue is full',
        workaround: 'Send through webmail until the fix',
        serviceIds: ['svc-mail'],
        configurationItemIds: ['ci-relay-1'],
      }),
    );
    expect((await call('POST', `/api/v1/known-errors/${knownError.id}/workaround-publication`, 'agent', { expectedVersion: 1 })).status).toBe(403);
    const published = await call('POST', `/api/v1/known-errors/${knownError.id}/workaround-publication`, 'manager', { expectedVersion: 1 });
    expect(await json(published)).toMatchObject({ version: 2, workaroundPublishedVersion: 2, problemNumber: problem.number });
    expect((await tap.waitFor((message) => message.body.type === KNOWN_ERROR_WORKAROUND_PUBLISHED_V1.type && message.body.subject === knownError.id)).body).toMatchObject({
      data: { problemId: problem.id, workaround: 'Send through webmail until the fix', version: 2 },
    });
    const workNotes = async (as: keyof typeof tokens) =>
      (await json<{ items: Array<{ type: string; text?: string }> }>(await call('GET', `/api/v1/incidents/${incidentId}/timeline?limit=100`, as))).items.filter((entry) => entry.text?.startsWith('Workaround'));
    await eventually(() => workNotes('agent'), (notes) => notes.length === 1, { what: 'the workaround on the incident' });
    expect(await workNotes('requester')).toEqual([]); // a work note: the caller does not see it

    const found = await call('GET', '/api/v1/known-errors?words=OUTBOX%20webmail&serviceId=svc-mail', 'agent');
    expect(await json(found)).toMatchObject({ items: [{ id: knownError.id, problemId: problem.id }], nextCursor: null });
    expect(await json(await call('GET', '/api/v1/known-errors?words=printer', 'agent'))).toMatchObject({ items: [] });
    expect((await call('GET', '/api/v1/known-errors?words=the', 'agent')).status).toBe(400);
    expect((await call('GET', '/api/v1/known-errors', 'requester')).status).toBe(403);

    const fixed = await call('POST', `/api/v1/problems/${problem.id}/fix`, 'manager', { expectedVersion: 5, fixNotes: 'Queue raised, alert added' });
    expect(await json(fixed)).toMatchObject({ state: 'resolved', fix: { notes: 'Queue raised, alert added' } });
    const resolved = await eventually(
      async () => json<{ state: string; resolution?: { notes: string } }>(await call('GET', `/api/v1/incidents/${incidentId}`, 'agent')),
      (view) => view.state === 'resolved',
      { what: 'the incident resolved by the fix' },
    );
    expect(resolved.resolution?.notes).toBe(`Resolved by the fix of problem ${problem.number}: Queue raised, alert added`);
    expect(await json(await call('POST', `/api/v1/problems/${problem.id}/close`, 'manager', { expectedVersion: 6 }))).toMatchObject({ state: 'closed' });
    expect(await json(await call('GET', '/api/v1/problems?state=closed&configurationItemId=ci-relay-1', 'agent'))).toMatchObject({ items: [{ id: problem.id }] });
  });
});
