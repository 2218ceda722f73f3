import { ASSIGNMENT_GROUP_DEFINED_V1, ROUTING_RULE_DEFINED_V1 } from '@itsm/contracts/operation';
import { EventTap, PlatformUnderTest, testServers } from '@itsm/testing';

/** Assignment groups and routing rules through the gateway and the operation service's query role, as deployed. */
describe('assignment groups and routing rules end to end', () => {
  const { amqpUrl } = testServers();
  const tokens = { manager: '', agent: '', requester: '' };
  let platform: PlatformUnderTest;
  let tap: EventTap;
  const call = (method: string, route: string, as: keyof typeof tokens, body?: unknown) => platform.fetch(method, route, tokens[as], body);
  const fieldsOf = async (response: Response) => ((await response.json()) as { errors: Array<{ field: string }> }).errors.map((error) => error.field);

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['operation'], 'assignment');
    tokens.manager = await platform.token('im-1', ['incident_manager']);
    tokens.agent = await platform.token('agent-1', ['service_desk_agent']);
    tokens.requester = await platform.token('req-1', ['requester']);
    tap = await EventTap.open(amqpUrl, 'itsm.operation.#');
  });

  afterAll(async () => {
    await platform?.stop();
    await tap?.close();
  });

  it('defines a group and a rule, reads them back, refuses a stale revision (409) and a requester (403)', async () => {
    const created = await call('POST', '/api/v1/assignment-groups', 'manager', { name: 'Messaging', description: 'Mail and chat', memberIds: ['res-1', 'res-2'], managerId: 'im-1', active: true });
    expect(created.status).toBe(201);
    const group = (await created.json()) as { id: string; version: number };
    expect(created.headers.get('location')).toBe(`/api/v1/assignment-groups/${group.id}`);
    expect(group).toMatchObject({ version: 1, name: 'Messaging', memberIds: ['res-1', 'res-2'], managerId: 'im-1', active: true });
    const groupEvent = await tap.waitFor((message) => message.body.subject === group.id);
    expect(groupEvent.routingKey).toBe(ASSIGNMENT_GROUP_DEFINED_V1.type);
    expect(groupEvent.body).toMatchObject({ source: '/itsm/operation', actorid: 'im-1', data: { groupId: group.id, version: 1, name: 'Messaging' } });

    const ruleCreated = await call('POST', '/api/v1/routing-rules', 'manager', { name: 'mail incidents', order: 10, category: 'email', groupId: group.id, active: true });
    expect(ruleCreated.status).toBe(201);
    const rule = (await ruleCreated.json()) as { id: string };
    expect(ruleCreated.headers.get('location')).toBe(`/api/v1/routing-rules/${rule.id}`);
    expect((await tap.waitFor((message) => message.body.subject === rule.id)).routingKey).toBe(ROUTING_RULE_DEFINED_V1.type);

    const readGroup = await call('GET', `/api/v1/assignment-groups/${group.id}`, 'agent');
    expect(readGroup.status).toBe(200);
    expect(await readGroup.json()).toMatchObject({ id: group.id, version: 1, memberIds: ['res-1', 'res-2'] });
    const byMember = await call('GET', '/api/v1/assignment-groups?memberId=res-2', 'agent');
    expect(((await byMember.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual([group.id]);
    const readRules = await call('GET', `/api/v1/routing-rules?groupId=${group.id}`, 'agent');
    expect(await readRules.json()).toMatchObject({ items: [{ id: rule.id, order: 10, category: 'email', groupId: group.id }], nextCursor: null });

    const revised = await call('PUT', `/api/v1/assignment-groups/${group.id}`, 'manager', { name: 'Messaging', memberIds: ['res-1'], active: true, expectedVersion: 1 });
    expect(revised.status).toBe(200);
    expect(await revised.json()).toMatchObject({ version: 2, memberIds: ['res-1'] });
    const stale = await call('PUT', `/api/v1/assignment-groups/${group.id}`, 'manager', { name: 'Messaging', memberIds: [], active: true, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    const moved = await call('PUT', `/api/v1/routing-rules/${rule.id}`, 'manager', { name: 'mail incidents', order: 5, category: 'email', groupId: group.id, active: true, expectedVersion: 1 });
    expect(await moved.json()).toMatchObject({ version: 2, order: 5 });

    expect((await call('POST', '/api/v1/assignment-groups', 'requester', { name: 'Mine', memberIds: [], active: true })).status).toBe(403);
    expect((await call('GET', `/api/v1/assignment-groups/${group.id}`, 'requester')).status).toBe(403);
    expect((await call('GET', '/api/v1/routing-rules', 'requester')).status).toBe(403);
    expect((await call('POST', '/api/v1/routing-rules', 'agent', { name: 'x', order: 1, groupId: group.id, active: true })).status).toBe(403);
  });

  it('names the field: a taken name is 409, a rule on an unknown group or an escalation to nobody 400', async () => {
    expect((await call('POST', '/api/v1/assignment-groups', 'manager', { name: 'Network', memberIds: [], active: true })).status).toBe(201);
    expect((await call('POST', '/api/v1/assignment-groups', 'manager', { name: 'Network', memberIds: [], active: true })).status).toBe(409);
    const orphan = await call('POST', '/api/v1/assignment-groups', 'manager', { name: 'Orphan', memberIds: [], escalationGroupId: '01a20e2a-fed4-7197-a433-736b13a7a69e', active: true });
    expect(orphan.status).toBe(400);
    expect(await fieldsOf(orphan)).toEqual(['escalationGroupId']);
    const nowhere = await call('POST', '/api/v1/routing-rules', 'manager', { name: 'to nowhere', order: 1, groupId: '01a20e2a-fed4-7197-a433-736b13a7a69e', active: true });
    expect(nowhere.status).toBe(400);
    expect(await fieldsOf(nowhere)).toEqual(['groupId']);
    const unshaped = await call('POST', '/api/v1/routing-rules', 'manager', { name: 'bad', order: -1, groupId: 'not-an-id', active: 'yes' });
    expect(await fieldsOf(unshaped)).toEqual(expect.arrayContaining(['order', 'groupId', 'active']));
  });
});
