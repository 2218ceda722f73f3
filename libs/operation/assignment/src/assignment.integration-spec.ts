import { NotFoundError, Principal, RuleViolationError, StateConflictError, VersionConflictError, uuidV7 } from '@itsm/contracts';
import { MessagingModule } from '@itsm/messaging';
import { ConfigurationItemCopyRepository } from '@itsm/operation/configuration-items';
import { BY_NAME, BY_ORDER, OutboxModule, PersistenceModule } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { EventTap, testServers, uniqueDatabaseName } from '@itsm/testing';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { AssignmentModule } from './assignment.module';
import { DefineAssignmentGroup } from './define-assignment-group/define-assignment-group.use-case';
import { DefineRoutingRule } from './define-routing-rule/define-routing-rule.use-case';
import { IncidentRoutingModule } from './incident-routing.module';
import { AssignmentGroupFields, AssignmentGroupRepository } from './persistence/assignment-group.repository';
import { AssignmentGroupRecord } from './persistence/assignment-group.schema';
import { RoutingRuleFields, RoutingRuleRepository } from './persistence/routing-rule.repository';
import { RouteIncident } from './route-incident/route-incident.use-case';

/** Integration: assignment groups, routing rules and routing against the real MongoDB-wire server and broker. */
describe('assignment groups and routing rules (real database and broker)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('assignment');
  const manager: Principal = { userId: 'im-1', roles: ['incident_manager'], groups: [] };
  const origin: RequestOrigin = { actor: manager, actorId: manager.userId, correlationId: 'assignment-spec' };
  let app: INestApplicationContext;
  let tap: EventTap;
  let groups: DefineAssignmentGroup;
  let rules: DefineRoutingRule;
  let routing: RouteIncident;
  let run = 0;
  /** The id of the item whose external id is mx-1 (rules and incidents store it whichever spelling names it). */
  const mx1 = uuidV7();

  const group = (name: string, fields: Partial<AssignmentGroupFields> = {}): AssignmentGroupFields => ({ name: `${name} ${run}`, memberIds: [], active: true, ...fields });
  const rule = (name: string, order: number, groupId: string, criteria: Partial<RoutingRuleFields> = {}): RoutingRuleFields => ({ name, order, groupId, active: true, ...criteria });
  const issueOf = (error: unknown) => (error instanceof RuleViolationError ? error.issues.map((issue) => issue.field) : error);

  beforeAll(async () => {
    @Module({
      imports: [
        PersistenceModule.forRoot({ uri: mongoUrl, dbName }),
        MessagingModule.forRoot({ url: amqpUrl, name: 'assignment-spec' }),
        OutboxModule.forRoot(),
        AssignmentModule,
        // Rules change between the incidents routed here: read the table for each one.
        IncidentRoutingModule.withTableTtl(0),
      ],
    })
    class SpecModule {}
    app = await NestFactory.createApplicationContext(SpecModule, { logger: ['error'] });
    await app.init();
    // The unique name index is built at start-up; wait for it, as a deployed service has long before its first request.
    await app.get<Model<AssignmentGroupRecord>>(getModelToken(AssignmentGroupRecord.name)).init();
    tap = await EventTap.open(amqpUrl, 'itsm.operation.#');
    groups = app.get(DefineAssignmentGroup);
    rules = app.get(DefineRoutingRule);
    routing = app.get(RouteIncident);
    // The CMDB's items the rules name, as operation's copy holds them once transition's events arrived.
    const items = app.get(ConfigurationItemCopyRepository);
    await items.record({ _id: mx1, externalKey: 'mx-1', name: 'Mail exchanger 1', classKey: 'server', lifecycleState: 'operational', version: 1, changedAt: new Date() });
    await items.record({ _id: uuidV7(), externalKey: 'mx-0', name: 'Mail exchanger 0', classKey: 'server', lifecycleState: 'retired', version: 3, changedAt: new Date() });
  });

  beforeEach(async () => {
    run += 1;
    // Routing reads every rule: each test starts with none.
    await app.get<Connection>(getConnectionToken()).collection('routing_rules').deleteMany({});
  });

  afterAll(async () => {
    await tap?.close();
    await app?.get<Connection>(getConnectionToken()).dropDatabase();
    await app?.close();
  });

  it('defines and revises a group guarded by the version read, emitting defined then revised with the whole group', async () => {
    const defined = await groups.define(group('Network', { description: 'Routers and VPN', memberIds: ['r-1', 'r-2'], managerId: 'm-1' }), origin);
    expect(defined).toMatchObject({ version: 1, name: `Network ${run}`, memberIds: ['r-1', 'r-2'], managerId: 'm-1', active: true });
    const revised = await groups.revise(defined._id, 1, group('Network', { memberIds: ['r-1'] }), origin);
    expect(revised).toMatchObject({ version: 2, memberIds: ['r-1'] });
    expect(revised).not.toHaveProperty('managerId');

    await expect(groups.revise(defined._id, 1, group('Network', { memberIds: [] }), origin)).rejects.toBeInstanceOf(VersionConflictError);
    await expect(groups.revise('0190a000-0000-7000-8000-000000000000', 1, group('Nobody'), origin)).rejects.toBeInstanceOf(NotFoundError);

    const events = [await tap.waitFor((message) => message.body.subject === defined._id && message.body.type === 'itsm.operation.assignment-group.defined.v1'),
      await tap.waitFor((message) => message.body.subject === defined._id && message.body.type === 'itsm.operation.assignment-group.revised.v1')];
    expect(events.map((event) => event.body.data)).toEqual([
      { groupId: defined._id, version: 1, name: `Network ${run}`, description: 'Routers and VPN', memberIds: ['r-1', 'r-2'], managerId: 'm-1', active: true },
      { groupId: defined._id, version: 2, name: `Network ${run}`, memberIds: ['r-1'], active: true },
    ]);
    expect(events[0]?.body).toMatchObject({ actorid: 'im-1', correlationid: 'assignment-spec' });
  });

  it('keeps names unique: a second group of a name, or a rename onto one, is 409 and writes nothing', async () => {
    const first = await groups.define(group('Desk'), origin);
    const second = await groups.define(group('Field'), origin);
    await expect(groups.define(group('Desk'), origin)).rejects.toBeInstanceOf(StateConflictError);
    await expect(groups.revise(second._id, 1, group('Desk'), origin)).rejects.toThrow(`another assignment group is named "Desk ${run}"`);
    expect(await app.get(AssignmentGroupRepository).findById(second._id)).toMatchObject({ version: 1, name: `Field ${run}` });
    expect((await app.get(AssignmentGroupRepository).idsWhere({ name: `Desk ${run}` } as never)).size).toBe(1);
    expect(first.version).toBe(1);
    const taken = await Promise.allSettled([groups.define(group('Race'), origin), groups.define(group('Race'), origin)]);
    expect(taken.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('escalates only to another existing group (400 naming escalationGroupId otherwise)', async () => {
    const second = await groups.define(group('Second line'), origin);
    const first = await groups.define(group('First line', { escalationGroupId: second._id }), origin);
    expect(first.escalationGroupId).toBe(second._id);
    expect(issueOf(await groups.define(group('Orphan', { escalationGroupId: '0190a000-0000-7000-8000-000000000001' }), origin).catch((error: unknown) => error))).toEqual(['escalationGroupId']);
    expect(issueOf(await groups.revise(first._id, 1, group('First line', { escalationGroupId: first._id }), origin).catch((error: unknown) => error))).toEqual(['escalationGroupId']);
  });

  it('lists the groups of one member, by name', async () => {
    const member = `member-${run}`;
    await groups.define(group('Zulu', { memberIds: [member, 'other'] }), origin);
    await groups.define(group('Alpha', { memberIds: ['other', member] }), origin);
    await groups.define(group('Mike', { memberIds: ['other'] }), origin);
    const page = await app.get(AssignmentGroupRepository).page(BY_NAME, { limit: 10 }, { memberIds: member });
    expect(page.items.map((item) => item.name)).toEqual([`Alpha ${run}`, `Zulu ${run}`]);
  });

  it('refuses a rule on an unknown or inactive group (400 naming groupId), and revises rules by version', async () => {
    const retired = await groups.define(group('Retired', { active: false }), origin);
    expect(issueOf(await rules.define(rule('to nowhere', 10, '0190a000-0000-7000-8000-000000000002'), origin).catch((error: unknown) => error))).toEqual(['groupId']);
    expect(issueOf(await rules.define(rule('to the retired', 10, retired._id), origin).catch((error: unknown) => error))).toEqual(['groupId']);

    const desk = await groups.define(group('Service desk'), origin);
    const defined = await rules.define(rule('everything', 100, desk._id), origin);
    const moved = await rules.revise(defined._id, 1, rule('everything', 900, desk._id), origin);
    expect(moved).toMatchObject({ version: 2, order: 900 });
    await expect(rules.revise(defined._id, 1, rule('everything', 10, desk._id), origin)).rejects.toBeInstanceOf(VersionConflictError);
    await tap.waitFor((message) => message.body.subject === defined._id && message.body.type === 'itsm.operation.routing-rule.revised.v1');
  });

  it('refuses a rule naming a configuration item operation does not know or knows retired, naming configurationItemId', async () => {
    const desk = await groups.define(group('Desk'), origin);
    const refused = async (configurationItemId: string) => rules.define(rule('on an item', 50, desk._id, { configurationItemId }), origin).then(() => 'accepted', issueOf);
    expect(await refused(`ci-nowhere-${run}`)).toEqual(['configurationItemId']);
    expect(await refused('mx-0')).toEqual(['configurationItemId']);
    const kept = await rules.define(rule('on mx-1', 50, desk._id, { configurationItemId: 'mx-1' }), origin);
    expect(kept).toMatchObject({ configurationItemId: mx1 });
    await expect(rules.revise(kept._id, 1, rule('on mx-0', 50, desk._id, { configurationItemId: 'mx-0' }), origin)).rejects.toMatchObject({ issues: [{ field: 'configurationItemId', messages: ['the configuration item Mail exchanger 0 (mx-0) is retired'] }] });
  });

  it('stores a rule on an item by its id whichever spelling names it, so it matches incidents on the item; a revision may keep a retired item by either spelling', async () => {
    const desk = await groups.define(group('Desk'), origin);
    const mail = await groups.define(group('Mail'), origin);
    await rules.define(rule('catch-all', 1000, desk._id), origin);
    const byExternalId = await rules.define(rule('on mx-1', 10, mail._id, { configurationItemId: 'mx-1' }), origin);
    expect(byExternalId).toMatchObject({ configurationItemId: mx1 });
    expect(await routing.routeIncident({ configurationItemId: mx1 })).toBe(mail._id);
    const byId = await rules.revise(byExternalId._id, 1, rule('on mx-1', 10, mail._id, { configurationItemId: mx1 }), origin);
    expect(byId).toMatchObject({ version: 2, configurationItemId: mx1 });
    expect(await routing.routeIncident({ configurationItemId: mx1 })).toBe(mail._id);

    // A rule stored on an item retired since keeps it through a revision naming it by its external id.
    const mx2 = uuidV7();
    const items = app.get(ConfigurationItemCopyRepository);
    await items.record({ _id: mx2, externalKey: `mx-2-${run}`, name: 'Mail exchanger 2', classKey: 'server', lifecycleState: 'operational', version: 1, changedAt: new Date() });
    const onMx2 = await rules.define(rule('on mx-2', 20, mail._id, { configurationItemId: mx2 }), origin);
    await items.record({ _id: mx2, externalKey: `mx-2-${run}`, name: 'Mail exchanger 2', classKey: 'server', lifecycleState: 'retired', version: 2, changedAt: new Date() });
    expect(await rules.revise(onMx2._id, 1, rule('on mx-2, renamed', 20, mail._id, { configurationItemId: `mx-2-${run}` }), origin)).toMatchObject({ version: 2, configurationItemId: mx2 });
  });

  it('routes an incident to the group of the first matching rule, in order, passing over inactive rules and groups', async () => {
    const mail = await groups.define(group('Mail'), origin);
    const mailServers = await groups.define(group('Mail servers'), origin);
    const network = await groups.define(group('Network'), origin);
    const desk = await groups.define(group('Desk'), origin);
    const catchAll = await rules.define(rule('catch-all', 1000, desk._id), origin);
    await rules.define(rule('mail', 20, mail._id, { serviceId: 'svc-mail' }), origin);
    const specific = await rules.define(rule('mail servers', 30, mailServers._id, { serviceId: 'svc-mail', configurationItemId: 'mx-1' }), origin);
    await rules.define(rule('network', 40, network._id, { category: 'network' }), origin);

    // Incidents name their item by its id (intake resolves an external id), as the rules store it.
    expect(await routing.routeIncident({ serviceId: 'svc-mail', configurationItemId: mx1 })).toBe(mail._id);
    // Moved before the broader rule, the specific one wins.
    await rules.revise(specific._id, 1, rule('mail servers', 10, mailServers._id, { serviceId: 'svc-mail', configurationItemId: 'mx-1' }), origin);
    expect(await routing.routeIncident({ serviceId: 'svc-mail', configurationItemId: mx1 })).toBe(mailServers._id);
    expect(await routing.routeIncident({ category: 'network', serviceId: 'svc-vpn' })).toBe(network._id);
    expect(await routing.routeIncident({})).toBe(desk._id);

    // A group deactivated after its rule was written: routing passes over the rule.
    await groups.revise(network._id, 1, group('Network', { active: false }), origin);
    expect(await routing.routeIncident({ category: 'network' })).toBe(desk._id);
    // No rule left that matches: unassigned.
    await rules.revise(catchAll._id, 1, rule('catch-all', 1000, desk._id, { active: false }), origin);
    expect(await routing.routeIncident({ category: 'network' })).toBeUndefined();
  });

  it('lists rules in the order they are tried, page by page, ties oldest first', async () => {
    const desk = await groups.define(group('Pager'), origin);
    const written = [];
    for (const [name, order] of [['c', 30], ['a', 10], ['b1', 20], ['b2', 20], ['d', 40]] as const) written.push(await rules.define(rule(name, order, desk._id), origin));
    const repository = app.get(RoutingRuleRepository);
    const first = await repository.page(BY_ORDER, { limit: 3 });
    expect(first.items.map((item) => item.name)).toEqual(['a', 'b1', 'b2']);
    expect(first.nextCursor).not.toBeNull();
    const last = await repository.page(BY_ORDER, { limit: 3, after: [20, written[3]?._id ?? ''] });
    expect(last).toMatchObject({ items: [{ name: 'c' }, { name: 'd' }], nextCursor: null });
  });
});
