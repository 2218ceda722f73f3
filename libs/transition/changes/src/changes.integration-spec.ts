import { ForbiddenError, Principal, Role, RuleViolationError, StateConflictError } from '@itsm/contracts';
import { MessagingModule } from '@itsm/messaging';
import { OutboxModule, PersistenceModule } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { EventTap, testServers, uniqueDatabaseName } from '@itsm/testing';
import { ChangeConflictError, ItemRelatives } from '@itsm/transition/change-domain';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { ChangeBoards } from './change-boards/change-boards.use-case';
import { ChangeCalendarController } from './change-calendar/change-calendar.controller';
import { ChangeCalendar } from './change-calendar/change-calendar.use-case';
import { ChangeItemGraph } from './change-item-graph.lookup';
import { ChangeLifecycle } from './change-lifecycle/change-lifecycle.use-case';
import { ChangeQueryController } from './change-query/change-query.controller';
import { ChangeTemplates } from './change-templates/change-templates.use-case';
import { ChangesModule } from './changes.module';
import { ChangeGroupRepository } from './persistence/change-group.repository';
import { StoredChange } from './persistence/change.repository';
import { RaiseChange } from './raise-change/raise-change.use-case';
import { ManageRelease } from './releases/manage-release.use-case';

/**
 * A CMDB for the spec, in the shape ChangesModule reads (the CMDB's own lookup in the app): per run,
 * app-N runs on db-N, db-N runs on srv-N; svc-N, the item of design's service `service-N`, depends on
 * app-N; db-N is high; web-N stands alone; old-N is retired; the CMDB has no other item. Each has the
 * external id `ext-` and its id.
 */
class SpecItemGraph implements ChangeItemGraph {
  async relativesOf(itemIds: readonly string[]): Promise<Record<string, ItemRelatives>> {
    return Object.fromEntries(itemIds.map((itemId) => [itemId, relativesOf(itemId)]));
  }

  async criticalitiesOf(itemIds: readonly string[]): Promise<string[]> {
    return itemIds.filter((itemId) => itemId.startsWith('db-')).map(() => 'high');
  }

  async serviceItemsOf(serviceId: string): Promise<string[]> {
    const run = serviceId.slice('service-'.length);
    return [`svc-${run}`, `app-${run}`, `db-${run}`, `srv-${run}`];
  }

  async serviceItemOf(serviceId: string): Promise<string | undefined> {
    return serviceId.startsWith('service-') ? `svc-${serviceId.slice('service-'.length)}` : undefined;
  }

  /** svc-N is the business-service item of design's service `service-N`. */
  async servicesOf(itemIds: readonly string[]): Promise<Record<string, string>> {
    return Object.fromEntries(itemIds.filter((itemId) => itemId.startsWith('svc-')).map((itemId) => [itemId, `service-${itemId.slice('svc-'.length)}`]));
  }

  /** An item's id names it, and so does its external id, `ext-` before the id (ext-srv-N for srv-N). */
  async itemIdsOf(references: readonly string[]): Promise<Record<string, string>> {
    const known = await this.lifecycleStatesOf(references.map((reference) => reference.replace(/^ext-/, '')));
    return Object.fromEntries(references.flatMap((reference) => {
      const id = reference.replace(/^ext-/, '');
      return id in known ? [[reference, id]] : [];
    }));
  }

  async lifecycleStatesOf(itemIds: readonly string[]): Promise<Record<string, string>> {
    const state = (kind: string | undefined) => (kind === 'old' ? 'retired' : ['svc', 'app', 'db', 'srv', 'web'].includes(kind ?? '') ? 'operational' : undefined);
    return Object.fromEntries(itemIds.flatMap((itemId) => {
      const known = state(itemId.split('-')[0]);
      return known === undefined ? [] : [[itemId, known]];
    }));
  }
}

function relativesOf(itemId: string): ItemRelatives {
  const [kind, run] = itemId.split('-');
  switch (kind) {
    case 'svc':
      return { parents: [`app-${run}`], children: [] };
    case 'app':
      return { parents: [`db-${run}`], children: [`svc-${run}`] };
    case 'db':
      return { parents: [`srv-${run}`], children: [`app-${run}`] };
    case 'srv':
      return { parents: [], children: [`db-${run}`] };
    default:
      return { parents: [], children: [] };
  }
}

/** Integration: change enablement, the calendar and releases against the real MongoDB-wire server and broker. */
describe('changes, their calendar and releases (real database and broker)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('changes');
  const originOf = (userId: string, roles: Role[], groups: string[] = []): RequestOrigin => {
    const actor: Principal = { userId, roles, groups };
    return { actor, actorId: userId, correlationId: `changes-spec-${userId}` };
  };
  const RITA = originOf('rita', ['resolver'], ['dba']);
  const MIA = originOf('mia', ['change_manager']);
  const CARL = originOf('carl', ['cab_member']);
  const CORA = originOf('cora', ['cab_member']);
  const CID = originOf('cid', ['cab_member']);
  const ERIN = originOf('erin', ['cab_member']);
  const GINA = originOf('gina', ['resolver'], ['dba']);
  const APPROVERS: Record<string, RequestOrigin> = { gina: GINA, carl: CARL, cora: CORA, cid: CID, erin: ERIN };
  const PLANS = { implementation: 'Run the upgrade', backout: 'Restore the snapshot', test: 'Smoke tests' };
  const SAFE = { userImpact: 'team', outage: 'none', testing: 'tested', backout: 'tested', experience: 'done_before' };
  const RISKY = { userImpact: 'organisation', outage: 'full', testing: 'untested', backout: 'untested', experience: 'done_similar' };
  /** Sunday 2031-03-02 and the following days. */
  const at = (day: number, hour: number) => new Date(Date.UTC(2031, 2, day, hour)).toISOString();
  const windowOn = (day: number, from: number, to: number) => ({ start: at(day, from), end: at(day, to) });

  let app: INestApplicationContext;
  let tap: EventTap;
  let raise: RaiseChange;
  let lifecycle: ChangeLifecycle;
  let calendar: ChangeCalendar;
  let run = 0;

  const items = () => ({ svc: `svc-${run}`, app: `app-${run}`, db: `db-${run}`, srv: `srv-${run}` });
  const normal = (itemIds: string[], plannedWindow: { start: string; end: string }, origin = RITA) =>
    raise.raise({ type: 'normal', title: `Change ${run}`, changeGroupId: 'dba', itemIds, plans: PLANS, plannedWindow }, origin);
  /** A normal change on `itemIds`, approved by the group's manager (low risk) and scheduled by a change manager. */
  const scheduledNormal = async (itemIds: string[], plannedWindow: { start: string; end: string }, justification?: string): Promise<StoredChange> => {
    const change = await normal(itemIds, plannedWindow);
    await lifecycle.submit(change._id, {}, RITA);
    const assessed = await lifecycle.assess(change._id, { riskAnswers: SAFE }, MIA);
    // The group's manager, or the CAB for an item critical enough to lift the risk.
    for (const approverId of assessed.approval?.approverIds.slice(0, 2) ?? []) await lifecycle.vote(change._id, { decision: 'approve', comment: 'Fine' }, APPROVERS[approverId] ?? GINA);
    return lifecycle.schedule(change._id, justification === undefined ? {} : { justification }, MIA);
  };
  /** The types of the events about `subject`, once each (delivery is at least once: the same event id may come twice), in order, once there are `count`. */
  const eventTypes = async (subject: string, count: number) => {
    const distinct = () => [...new Map(tap.messages.filter((message) => message.body.subject === subject).map((message) => [message.body.id, message.body.type])).values()];
    await tap.waitFor(() => distinct().length >= count);
    return distinct();
  };

  beforeAll(async () => {
    @Module({
      imports: [
        PersistenceModule.forRoot({ uri: mongoUrl, dbName }),
        MessagingModule.forRoot({ url: amqpUrl, name: 'changes-spec' }),
        OutboxModule.forRoot(),
        ChangesModule.forRoot({ itemGraph: { useClass: SpecItemGraph } }),
      ],
    })
    class SpecModule {}
    app = await NestFactory.createApplicationContext(SpecModule, { logger: ['error'] });
    await app.init();
    tap = await EventTap.open(amqpUrl, 'itsm.transition.#');
    raise = app.get(RaiseChange);
    lifecycle = app.get(ChangeLifecycle);
    calendar = app.get(ChangeCalendar);
    // The group's manager, as transition's copy of operation's assignment groups holds it; the boards as configured.
    await app.get(ChangeGroupRepository).keep('dba', 3, 'gina', true);
    await app.get(ChangeBoards).configure('cab', { memberIds: ['carl', 'cora', 'cid'], rule: { kind: 'quorum', quorum: 2 } }, MIA);
    await app.get(ChangeBoards).configure('ecab', { memberIds: ['erin'], rule: { kind: 'any' } }, MIA);
  });

  beforeEach(() => {
    run += 1;
  });

  afterAll(async () => {
    await tap?.close();
    await app?.get<Connection>(getConnectionToken()).dropDatabase();
    await app?.close();
  });

  it('runs a standard change from its template to closure, numbering it and emitting an event per fact', async () => {
    const template = await app.get(ChangeTemplates).define({ name: `Patch ${run}`, description: 'Monthly OS patch', plans: PLANS, itemIds: [items().srv], active: true }, MIA);
    const raised = await raise.raise({ type: 'standard', title: 'Patch srv', changeGroupId: 'dba', templateId: template._id, plannedWindow: windowOn(2, 1, 2) }, RITA);
    expect(raised).toMatchObject({ state: 'new', number: expect.stringMatching(/^CHG\d{7}$/) as unknown, templateId: template._id, risk: 'low', itemIds: [items().srv], plans: PLANS });
    const scheduled = await lifecycle.schedule(raised._id, {}, RITA);
    expect(scheduled).toMatchObject({ state: 'scheduled', conflicts: [] });
    await lifecycle.startImplementation(raised._id, { expectedVersion: 2 }, RITA);
    await lifecycle.completeImplementation(raised._id, { notes: 'Patched' }, RITA);
    const closed = await lifecycle.close(raised._id, { code: 'successful', notes: 'As planned' }, MIA);
    expect(closed).toMatchObject({ state: 'closed', version: 5, closure: { code: 'successful', closedBy: 'mia' } });
    expect(await eventTypes(raised._id, 5)).toEqual([
      'itsm.transition.change.raised.v1',
      'itsm.transition.change.scheduled.v1',
      'itsm.transition.change.implementation-started.v1',
      'itsm.transition.change.implementation-completed.v1',
      'itsm.transition.change.closed.v1',
    ]);
    const closedEvent = tap.messages.find((message) => message.body.subject === raised._id && message.body.type === 'itsm.transition.change.closed.v1');
    expect(closedEvent?.body).toMatchObject({ actorid: 'mia', data: { changeId: raised._id, version: 5, state: 'closed', plannedWindow: windowOn(2, 1, 2) } });
  });

  it('routes a risky normal change to the CAB, whose quorum of comments approves it', async () => {
    const change = await normal([items().app], windowOn(3, 1, 3));
    await lifecycle.submit(change._id, {}, RITA);
    const assessed = await lifecycle.assess(change._id, { riskAnswers: RISKY }, MIA);
    expect(assessed).toMatchObject({ state: 'authorize', risk: 'high', approval: { approverKind: 'cab', approverIds: ['carl', 'cora', 'cid'], rule: { kind: 'quorum', quorum: 2 }, outcome: 'pending' } });
    await expect(lifecycle.vote(change._id, { decision: 'approve', comment: 'ok' }, GINA)).rejects.toBeInstanceOf(ForbiddenError);
    await lifecycle.vote(change._id, { decision: 'reject', comment: 'Backout untested' }, CARL);
    await lifecycle.vote(change._id, { decision: 'approve', comment: 'Needed for the release' }, CORA);
    await expect(lifecycle.schedule(change._id, {}, MIA)).rejects.toThrow(/not approved yet/);
    const approved = await lifecycle.vote(change._id, { decision: 'approve', comment: 'With the vendor on call' }, CID);
    expect(approved.approval).toMatchObject({ outcome: 'approved', votes: [{ approverId: 'carl', decision: 'reject', comment: 'Backout untested' }, { approverId: 'cora' }, { approverId: 'cid' }] });
    expect(await eventTypes(change._id, 8)).toEqual(expect.arrayContaining(['itsm.transition.change.approval-requested.v1', 'itsm.transition.change.voted.v1', 'itsm.transition.change.approved.v1']));
  });

  it('lifts risk by the CMDB criticality, routes low risk to the group manager and emergencies to the ECAB', async () => {
    const onDb = await normal([items().db], windowOn(4, 1, 2));
    await lifecycle.submit(onDb._id, {}, RITA);
    expect(await lifecycle.assess(onDb._id, { riskAnswers: SAFE }, MIA)).toMatchObject({ risk: 'moderate', riskAssessment: { questionnaireRisk: 'low', highestCriticality: 'high' }, approval: { approverKind: 'cab' } });

    const onApp = await normal([items().app], windowOn(4, 3, 4));
    await lifecycle.submit(onApp._id, {}, RITA);
    expect(await lifecycle.assess(onApp._id, { riskAnswers: SAFE }, MIA)).toMatchObject({ risk: 'low', approval: { approverKind: 'group_manager', approverIds: ['gina'] } });

    const emergency = await raise.raise({ type: 'emergency', title: 'Hotfix', changeGroupId: 'dba', itemIds: [items().app], plans: PLANS }, RITA);
    expect(await lifecycle.submit(emergency._id, {}, RITA)).toMatchObject({ state: 'authorize', approval: { approverKind: 'ecab', approverIds: ['erin'] } });
    expect(await lifecycle.vote(emergency._id, { decision: 'approve', comment: 'Go' }, ERIN)).toMatchObject({ approval: { outcome: 'approved' } });
  });

  it('refuses to schedule over a conflict on the item\'s parent without a justified override, and records the override', async () => {
    const first = await scheduledNormal([items().srv], windowOn(5, 1, 3));
    const second = await normal([items().db], windowOn(5, 2, 4));
    await lifecycle.submit(second._id, {}, RITA);
    // A change to the database (high criticality) is moderate: the CAB's quorum of two approves it.
    await lifecycle.assess(second._id, { riskAnswers: SAFE }, MIA);
    await lifecycle.vote(second._id, { decision: 'approve', comment: 'Fine' }, CARL);
    await lifecycle.vote(second._id, { decision: 'approve', comment: 'Agreed' }, CORA);

    const refused = await lifecycle.schedule(second._id, {}, MIA).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ChangeConflictError);
    expect((refused as ChangeConflictError).conflicts).toEqual([
      expect.objectContaining({ kind: 'related-item', itemId: items().db, relatedItemId: items().srv, relation: 'parent', other: expect.objectContaining({ changeId: first._id }) as unknown }),
    ]);
    await expect(lifecycle.schedule(second._id, { justification: 'Vendor slot' }, RITA)).rejects.toBeInstanceOf(ForbiddenError);
    const scheduled = await lifecycle.schedule(second._id, { justification: 'Only slot the vendor has' }, MIA);
    expect(scheduled).toMatchObject({ state: 'scheduled', overrides: [{ justification: 'Only slot the vendor has', by: 'mia' }], conflicts: [{ kind: 'related-item' }] });

    // The first change now conflicts with the second (its child's change), found again and recorded by the service.
    await tap.waitFor((message) => message.body.subject === first._id && message.body.type === 'itsm.transition.change.conflicts-changed.v1');
    const firstNow = await app.get(ChangeQueryController).get(first._id);
    expect(firstNow.conflicts).toEqual([expect.objectContaining({ kind: 'related-item', relation: 'child', other: expect.objectContaining({ changeId: second._id }) as unknown })]);

    // Cancelling the second frees the first again.
    await lifecycle.cancel(second._id, { reason: 'Vendor cancelled' }, MIA);
    expect((await app.get(ChangeQueryController).get(first._id)).conflicts).toEqual([]);
  });

  it('finds the freeze declared after scheduling and the window outside the item\'s maintenance windows', async () => {
    const change = await scheduledNormal([items().app], windowOn(9, 1, 3));
    const freeze = await calendar.defineFreeze({ name: `Quarter end ${run}`, reason: 'Closing the books', window: windowOn(9, 0, 12), itemIds: [items().app] }, MIA);
    const afterFreeze = await app.get(ChangeQueryController).get(change._id);
    expect(afterFreeze.conflicts).toEqual([expect.objectContaining({ kind: 'freeze', itemId: items().app, other: expect.objectContaining({ freezeId: freeze._id }) as unknown })]);

    // Sunday 02:00–04:00 UTC only: the change from 01:00 starts outside it.
    await calendar.setMaintenance(items().app, [{ name: 'Sunday night', timeZone: 'UTC', days: ['sunday'], start: '02:00', durationMinutes: 120 }], { source: 'api' }, undefined, MIA);
    const conflicts = (await app.get(ChangeQueryController).conflictsOf(change._id)).conflicts;
    expect(conflicts.map((conflict) => conflict.kind).sort()).toEqual(['freeze', 'outside-maintenance-window']);
    expect(conflicts.find((conflict) => conflict.kind === 'outside-maintenance-window')).toMatchObject({ outsideFrom: at(9, 1), other: { type: 'maintenance-windows', names: ['Sunday night'] } });

    // Moved into the window and out of the freeze, the replan is clean.
    await calendar.reviseFreeze(freeze._id, 1, { name: `Quarter end ${run}`, reason: 'Closing the books', window: windowOn(10, 0, 12), itemIds: [items().app] }, MIA);
    const moved = await lifecycle.replan(change._id, { plannedWindow: windowOn(9, 2, 4) }, MIA);
    expect(moved).toMatchObject({ state: 'scheduled', conflicts: [] });
  });

  it('applies the maintenance windows design publishes for a service to the service\'s item', async () => {
    const change = await scheduledNormal([items().svc], windowOn(12, 1, 3));
    expect(change.conflicts).toEqual([]);
    const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
    await calendar.setMaintenance(`service-${run}`, [{ name: 'Weeknights', timeZone: 'UTC', days: [...weekdays], start: '01:00', durationMinutes: 180 }], { source: 'design', serviceId: `service-${run}` }, undefined, {
      correlationId: 'design-event',
    });
    // 2031-03-12 is a Wednesday: inside; the same window on a Sunday is not.
    expect((await app.get(ChangeQueryController).get(change._id)).conflicts).toEqual([]);
    const moved = await lifecycle.replan(change._id, { plannedWindow: windowOn(16, 1, 3), justification: 'Only Sunday works' }, MIA);
    expect(moved.conflicts).toEqual([expect.objectContaining({ kind: 'outside-maintenance-window', itemId: items().svc, other: { type: 'maintenance-windows', itemId: items().svc, names: ['Weeknights'] } })]);
    expect(moved.overrides.map((override) => override.justification)).toEqual(['Only Sunday works']);
  });

  it('shows the calendar of a period by item and by service', async () => {
    const onDb = await scheduledNormal([items().db], windowOn(16, 1, 2));
    const onOther = await scheduledNormal([`web-${run}`], windowOn(16, 1, 2));
    await calendar.defineFreeze({ name: `Freeze ${run}`, reason: 'Audit', window: windowOn(16, 5, 6), itemIds: [items().db] }, MIA);
    const controller = app.get(ChangeCalendarController);
    const byService = await controller.period({ from: at(16, 0), to: at(17, 0), serviceId: `service-${run}` });
    expect(byService.changes.map((change) => change.id)).toEqual([onDb._id]);
    expect(byService.freezes.map((freeze) => freeze.name)).toEqual([`Freeze ${run}`]);
    const byItem = await controller.period({ from: at(16, 0), to: at(17, 0), itemId: `web-${run}` });
    expect(byItem).toMatchObject({ changes: [{ id: onOther._id }], freezes: [] });
    await expect(controller.period({ from: at(17, 0), to: at(16, 0) })).rejects.toBeInstanceOf(RuleViolationError);
  });

  it('needs the review to close a normal change, and cancels only up to Implement', async () => {
    const change = await scheduledNormal([items().srv], windowOn(23, 1, 2));
    await lifecycle.startImplementation(change._id, {}, RITA);
    await lifecycle.completeImplementation(change._id, { notes: 'Done, one service restarted twice' }, RITA);
    await expect(lifecycle.cancel(change._id, { reason: 'Too late' }, MIA)).rejects.toBeInstanceOf(StateConflictError);
    await expect(lifecycle.close(change._id, { code: 'successful_with_issues', notes: 'Restarts' }, MIA)).rejects.toBeInstanceOf(RuleViolationError);
    await lifecycle.review(change._id, { summary: 'Restart order was wrong', lessons: 'Document it' }, MIA);
    expect(await lifecycle.close(change._id, { code: 'successful_with_issues', notes: 'Restarts' }, MIA)).toMatchObject({ state: 'closed', review: { summary: 'Restart order was wrong' } });
  });

  it('refuses a change, a replan or a template naming an item the CMDB does not have or has retired, naming itemIds', async () => {
    const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);
    const refused = await refusal(raise.raise({ type: 'normal', title: 'On nothing', changeGroupId: 'dba', itemIds: [items().app, `gone-${run}`], plans: PLANS }, RITA));
    expect(refused).toBeInstanceOf(RuleViolationError);
    expect((refused as RuleViolationError).issues).toEqual([{ field: 'itemIds', messages: [`no configuration item of the CMDB has the id gone-${run}`] }]);
    const retired = await refusal(raise.raise({ type: 'normal', title: 'On the old', changeGroupId: 'dba', itemIds: [`old-${run}`], plans: PLANS }, RITA));
    expect((retired as RuleViolationError).issues).toEqual([{ field: 'itemIds', messages: [`the configuration item old-${run} is retired`] }]);
    const change = await raise.raise({ type: 'normal', title: 'On the app', changeGroupId: 'dba', itemIds: [items().app], plans: PLANS }, RITA);
    const replan = await refusal(lifecycle.replan(change._id, { expectedVersion: 1, itemIds: [items().app, `old-${run}`] }, RITA));
    expect((replan as RuleViolationError).issues).toEqual([{ field: 'itemIds', messages: [`the configuration item old-${run} is retired`] }]);
    const template = await refusal(app.get(ChangeTemplates).define({ name: `On nothing ${run}`, description: 'x', plans: PLANS, itemIds: [`gone-${run}`], active: true }, MIA));
    expect((template as RuleViolationError).issues).toEqual([{ field: 'itemIds', messages: [`no configuration item of the CMDB has the id gone-${run}`] }]);
  });

  it('refuses a freeze or maintenance windows naming an item the CMDB does not have or has retired, naming the field', async () => {
    const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);
    const freeze = { name: `Items ${run}`, reason: 'Audit', window: windowOn(40, 1, 2) };
    const unknown = await refusal(calendar.defineFreeze({ ...freeze, itemIds: [items().app, `gone-${run}`] }, MIA));
    expect(unknown).toBeInstanceOf(RuleViolationError);
    expect((unknown as RuleViolationError).issues).toEqual([{ field: 'itemIds', messages: [`no configuration item of the CMDB has the id gone-${run}`] }]);
    const retired = await refusal(calendar.defineFreeze({ ...freeze, itemIds: [`old-${run}`] }, MIA));
    expect((retired as RuleViolationError).issues).toEqual([{ field: 'itemIds', messages: [`the configuration item old-${run} is retired`] }]);
    const defined = await calendar.defineFreeze({ ...freeze, itemIds: [items().app] }, MIA);
    const revision = await refusal(calendar.reviseFreeze(defined._id, 1, { ...freeze, itemIds: [items().app, `gone-${run}`] }, MIA));
    expect((revision as RuleViolationError).issues).toEqual([{ field: 'itemIds', messages: [`no configuration item of the CMDB has the id gone-${run}`] }]);
    // A freeze on every item names none.
    expect(await calendar.reviseFreeze(defined._id, 1, { ...freeze, itemIds: [] }, MIA)).toMatchObject({ version: 2, itemIds: [] });

    const windows = [{ name: 'Sunday night', timeZone: 'UTC', days: ['sunday' as const], start: '02:00', durationMinutes: 120 }];
    const maintenance = await refusal(calendar.setMaintenance(`gone-${run}`, windows, { source: 'api' }, undefined, MIA));
    expect((maintenance as RuleViolationError).issues).toEqual([{ field: 'itemId', messages: [`no configuration item of the CMDB has the id gone-${run}`] }]);
    const onRetired = await refusal(calendar.setMaintenance(`old-${run}`, windows, { source: 'api' }, undefined, MIA));
    expect((onRetired as RuleViolationError).issues).toEqual([{ field: 'itemId', messages: [`the configuration item old-${run} is retired`] }]);
  });

  it('takes an item by its external id as by its id, and stores its id: changes, replans, templates, freezes and maintenance windows', async () => {
    const { app: application, db } = items();
    const change = await raise.raise({ type: 'normal', title: 'On the app', changeGroupId: 'dba', itemIds: [`ext-${application}`, application], plans: PLANS, plannedWindow: windowOn(50, 1, 3) }, RITA);
    expect(change.itemIds).toEqual([application]);
    expect((await lifecycle.replan(change._id, { expectedVersion: 1, itemIds: [application, `ext-${db}`] }, RITA)).itemIds).toEqual([application, db]);
    const template = await app.get(ChangeTemplates).define({ name: `By external id ${run}`, description: 'x', plans: PLANS, itemIds: [`ext-${db}`], active: true }, MIA);
    expect(template.itemIds).toEqual([db]);
    expect((await app.get(ChangeTemplates).revise(template._id, 1, { name: `By external id ${run}`, description: 'x', plans: PLANS, itemIds: [`ext-${application}`], active: true }, MIA)).itemIds).toEqual([application]);
    const freeze = { name: `By external id ${run}`, reason: 'Audit', window: windowOn(50, 0, 2) };
    const defined = await calendar.defineFreeze({ ...freeze, itemIds: [`ext-${application}`] }, MIA);
    expect(defined.itemIds).toEqual([application]);
    expect((await calendar.reviseFreeze(defined._id, 1, { ...freeze, itemIds: [`ext-${db}`] }, MIA)).itemIds).toEqual([db]);
    const windows = [{ name: 'Sunday night', timeZone: 'UTC', days: ['sunday' as const], start: '02:00', durationMinutes: 120 }];
    expect((await calendar.setMaintenance(`ext-${application}`, windows, { source: 'api' }, undefined, MIA))._id).toBe(application);
    // Stored by id, the item's records meet: the change conflicts with the freeze on the db and the app's windows, both named by external id.
    const conflicts = (await app.get(ChangeQueryController).conflictsOf(change._id)).conflicts;
    expect(conflicts.map((conflict) => `${conflict.kind} ${conflict.itemId}`).sort()).toEqual([`freeze ${db}`, `outside-maintenance-window ${application}`]);
  });

  it('bundles changes into a release that records each deployment', async () => {
    const first = await normal([items().app], windowOn(30, 1, 2));
    const second = await normal([items().db], windowOn(30, 1, 2));
    const releases = app.get(ManageRelease);
    const planned = await releases.plan({ name: `2031.${run}`, changeIds: [first._id] }, MIA);
    await expect(releases.plan({ name: 'ghost', changeIds: ['0190a000-0000-7000-8000-000000000009'] }, MIA)).rejects.toBeInstanceOf(RuleViolationError);
    await releases.command(planned._id, { kind: 'bundle', changeId: second._id }, 1, MIA);
    for (let step = 0; step < 3; step += 1) await releases.command(planned._id, { kind: 'advance' }, undefined, MIA);
    await releases.command(planned._id, { kind: 'record-deployment', environment: 'production', outcome: 'failed', notes: 'Migration timed out' }, undefined, RITA);
    await releases.command(planned._id, { kind: 'record-deployment', environment: 'production', outcome: 'succeeded' }, undefined, RITA);
    await releases.command(planned._id, { kind: 'advance' }, undefined, MIA);
    const closed = await releases.command(planned._id, { kind: 'advance', summary: 'Second attempt went through' }, undefined, MIA);
    expect(closed).toMatchObject({ stage: 'closed', changeIds: [first._id, second._id], deployments: [{ outcome: 'failed', deployedBy: 'rita' }, { outcome: 'succeeded' }], review: { summary: 'Second attempt went through' } });
    expect(await eventTypes(planned._id, 9)).toEqual([
      'itsm.transition.release.planned.v1',
      'itsm.transition.release.changed.v1',
      'itsm.transition.release.stage-changed.v1',
      'itsm.transition.release.stage-changed.v1',
      'itsm.transition.release.stage-changed.v1',
      'itsm.transition.release.deployed.v1',
      'itsm.transition.release.deployed.v1',
      'itsm.transition.release.stage-changed.v1',
      'itsm.transition.release.stage-changed.v1',
    ]);
  });
});
