import { EventTap, PlatformUnderTest, eventually, testServers } from '@itsm/testing';

interface Change {
  id: string;
  version: number;
  number: string;
  state: string;
  risk?: string;
  approval?: { approverKind: string; approverIds: string[]; outcome: string };
  conflicts: Array<{ kind: string; reason: string; other: Record<string, unknown> }>;
  overrides: Array<{ justification: string; by: string }>;
}

/** Change enablement through the gateway, operation (assignment groups) and the transition service, as deployed. */
describe('service transition end to end: changes, their calendar and releases', () => {
  const { amqpUrl } = testServers();
  const run = `ce${Date.now().toString(36)}`;
  /** The database the changes are on: an item of the CMDB (a change may name no other), registered in beforeAll. */
  let item = '';
  const tokens: Record<'cm' | 'im' | 'rita' | 'rob' | 'gina' | 'carl' | 'cora' | 'erin' | 'requester', string> = {
    cm: '',
    im: '',
    rita: '',
    rob: '',
    gina: '',
    carl: '',
    cora: '',
    erin: '',
    requester: '',
  };
  let platform: PlatformUnderTest;
  let tap: EventTap;
  let groupId: string;

  const call = (method: string, route: string, as: keyof typeof tokens, body?: unknown) => platform.fetch(method, route, tokens[as], body);
  const ok = async <T>(response: Response, status = 200): Promise<T> => {
    const text = await response.text();
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  const window = (fromHour: number, toHour: number) => ({ start: `2031-05-04T${String(fromHour).padStart(2, '0')}:00:00.000Z`, end: `2031-05-04T${String(toHour).padStart(2, '0')}:00:00.000Z` });
  const PLANS = { implementation: 'Upgrade the engine', backout: 'Restore the snapshot', test: 'Run the smoke tests' };
  const SAFE = { userImpact: 'team', outage: 'none', testing: 'tested', backout: 'tested', experience: 'done_before' };

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['operation', 'transition'], 'changes');
    tap = await EventTap.open(amqpUrl, 'itsm.transition.#');
    tokens.cm = await platform.token('mia', ['change_manager']);
    tokens.im = await platform.token('ivan', ['incident_manager']);
    tokens.carl = await platform.token('carl', ['cab_member']);
    tokens.cora = await platform.token('cora', ['cab_member']);
    tokens.erin = await platform.token('erin', ['cab_member']);
    tokens.requester = await platform.token('rachel', ['requester']);
    const configurationManager = await platform.token('conny', ['configuration_manager']);
    item = (await ok<{ id: string }>(await platform.fetch('POST', '/api/v1/cmdb/items', configurationManager, { classKey: 'database', name: `${run}-db`, lifecycleState: 'operational', attributes: {} }), 201)).id;
    const group = await ok<{ id: string }>(await call('POST', '/api/v1/assignment-groups', 'im', { name: `DBA ${run}`, memberIds: ['rita', 'gina'], managerId: 'gina', active: true }), 201);
    groupId = group.id;
    tokens.rita = await platform.token('rita', ['resolver'], [groupId]);
    tokens.gina = await platform.token('gina', ['resolver'], [groupId]);
    tokens.rob = await platform.token('rob', ['resolver'], ['another-group']);
    await ok(await call('PUT', '/api/v1/change-boards/cab', 'cm', { memberIds: ['carl', 'cora', 'cid'], rule: { kind: 'quorum', quorum: 2 } }));
    await ok(await call('PUT', '/api/v1/change-boards/ecab', 'cm', { memberIds: ['erin'], rule: { kind: 'any' } }));
  });

  afterAll(async () => {
    await platform?.stop();
    await tap?.close();
  });

  it('refuses a change on an item the CMDB does not have, naming itemIds', async () => {
    const refused = await call('POST', '/api/v1/changes', 'rita', { type: 'normal', title: 'Upgrade nothing', changeGroupId: groupId, itemIds: [`${run}-nowhere`], plans: PLANS });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Array<{ field: string }> }).errors.map((error) => error.field)).toEqual(['itemIds']);
  });

  it('authorises, schedules over a justified conflict, finds a later freeze, implements, reviews, closes and releases', async () => {
    // A normal change of the DBA group: low risk, so operation's group manager approves it (transition's copy of the group, by events).
    const first = await ok<Change>(await call('POST', '/api/v1/changes', 'rita', { type: 'normal', title: 'Upgrade the database', changeGroupId: groupId, itemIds: [item], plans: PLANS, plannedWindow: window(1, 3) }), 201);
    expect(first).toMatchObject({ state: 'new', number: expect.stringMatching(/^CHG\d{7}$/) as unknown });
    await ok(await call('POST', `/api/v1/changes/${first.id}/submission`, 'rita', {}));
    const assessed = await eventually(
      () => call('POST', `/api/v1/changes/${first.id}/assessment`, 'cm', { riskAnswers: SAFE }),
      (response) => response.status === 200,
      { what: 'transition to know the group\'s manager' },
    );
    expect(await ok<Change>(assessed)).toMatchObject({ state: 'authorize', risk: 'low', approval: { approverKind: 'group_manager', approverIds: ['gina'], outcome: 'pending' } });
    expect((await call('POST', `/api/v1/changes/${first.id}/votes`, 'carl', { decision: 'approve', comment: 'Not mine to approve' })).status).toBe(403);
    await ok(await call('POST', `/api/v1/changes/${first.id}/votes`, 'gina', { decision: 'approve', comment: 'Snapshot first, please' }));
    expect(await ok<Change>(await call('POST', `/api/v1/changes/${first.id}/schedule`, 'cm', {}))).toMatchObject({ state: 'scheduled', conflicts: [] });

    // An emergency change on the same item in an overlapping window: the ECAB approves, scheduling meets the conflict.
    const emergency = await ok<Change>(await call('POST', '/api/v1/changes', 'rita', { type: 'emergency', title: 'Patch the engine', changeGroupId: groupId, itemIds: [item], plans: PLANS, plannedWindow: window(2, 4) }), 201);
    expect(await ok<Change>(await call('POST', `/api/v1/changes/${emergency.id}/submission`, 'rita', {}))).toMatchObject({ state: 'authorize', approval: { approverKind: 'ecab' } });
    await ok(await call('POST', `/api/v1/changes/${emergency.id}/votes`, 'erin', { decision: 'approve', comment: 'Exploit in the wild' }));
    const refused = await call('POST', `/api/v1/changes/${emergency.id}/schedule`, 'cm', {});
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toContain(`${first.number} changes ${item} in an overlapping window`);
    const conflicts = await ok<{ conflicts: Change['conflicts'] }>(await call('GET', `/api/v1/changes/${emergency.id}/conflicts`, 'carl'));
    expect(conflicts.conflicts).toEqual([expect.objectContaining({ kind: 'same-item', other: expect.objectContaining({ type: 'change', changeId: first.id, number: first.number }) as unknown })]);
    const overridden = await ok<Change>(await call('POST', `/api/v1/changes/${emergency.id}/schedule`, 'cm', { justification: 'Security fix cannot wait' }));
    expect(overridden).toMatchObject({ state: 'scheduled', overrides: [{ justification: 'Security fix cannot wait', by: 'mia' }] });

    // A freeze declared afterwards shows on the scheduled changes it overlaps.
    await ok(await call('POST', '/api/v1/change-calendar/freezes', 'cm', { name: `Freeze ${run}`, reason: 'Quarter close', window: window(0, 2), itemIds: [item] }), 201);
    const firstNow = await ok<Change>(await call('GET', `/api/v1/changes/${first.id}`, 'carl'));
    expect(firstNow.conflicts.map((conflict) => conflict.kind).sort()).toEqual(['freeze', 'same-item']);
    const calendar = await ok<{ changes: Array<{ id: string }>; freezes: Array<{ name: string }> }>(
      await call('GET', `/api/v1/change-calendar?from=2031-05-04T00:00:00.000Z&to=2031-05-05T00:00:00.000Z&itemId=${item}`, 'carl'),
    );
    expect(calendar.changes.map((change) => change.id)).toEqual([first.id, emergency.id]);
    expect(calendar.freezes.map((freeze) => freeze.name)).toEqual([`Freeze ${run}`]);
    expect((await call('GET', `/api/v1/changes/${first.id}`, 'requester')).status).toBe(403);

    // Implemented by its group only; reviewed and closed with a closure code.
    expect((await call('POST', `/api/v1/changes/${first.id}/implementation`, 'rob', {})).status).toBe(403);
    await ok(await call('POST', `/api/v1/changes/${first.id}/implementation`, 'rita', {}));
    await ok(await call('POST', `/api/v1/changes/${first.id}/implementation/completion`, 'rita', { notes: 'Upgraded' }));
    expect((await call('POST', `/api/v1/changes/${first.id}/closure`, 'cm', { code: 'successful', notes: 'Done' })).status).toBe(400);
    await ok(await call('POST', `/api/v1/changes/${first.id}/review`, 'cm', { summary: 'Went to plan despite the freeze', lessons: 'Check the freeze calendar' }));
    expect(await ok<Change>(await call('POST', `/api/v1/changes/${first.id}/closure`, 'cm', { code: 'successful', notes: 'Done' }))).toMatchObject({ state: 'closed' });

    // A release bundles both and records each deployment.
    const release = await ok<{ id: string }>(await call('POST', '/api/v1/releases', 'cm', { name: `Release ${run}`, changeIds: [first.id, emergency.id] }), 201);
    for (let stage = 0; stage < 3; stage += 1) await ok(await call('POST', `/api/v1/releases/${release.id}/advance`, 'cm', {}));
    await ok(await call('POST', `/api/v1/releases/${release.id}/deployments`, 'rita', { environment: 'production', outcome: 'succeeded' }));
    await ok(await call('POST', `/api/v1/releases/${release.id}/advance`, 'cm', {}));
    expect(await ok(await call('POST', `/api/v1/releases/${release.id}/advance`, 'cm', { summary: 'Both changes live' }))).toMatchObject({
      stage: 'closed',
      deployments: [{ environment: 'production', outcome: 'succeeded', deployedBy: 'rita' }],
    });

    for (const type of ['change.raised', 'change.approved', 'change.conflicts-overridden', 'change.conflicts-changed', 'change.closed', 'freeze-window.defined', 'release.deployed']) {
      await tap.waitFor((message) => message.body.type === `itsm.transition.${type}.v1`);
    }
  });
});
