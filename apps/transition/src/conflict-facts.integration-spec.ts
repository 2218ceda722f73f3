import { loadConfig } from '@itsm/config';
import { CloudEvent, ITSM_EVENTS_EXCHANGE, Principal, uuidV7 } from '@itsm/contracts';
import { MaintenanceWindowV1 } from '@itsm/contracts/design';
import { ChangeV1, RelationshipAddedV1 } from '@itsm/contracts/transition';
import { EventTap, TappedMessage, eventually, testServers, transitionCaller, transitionTestEnv, uniqueDatabaseName } from '@itsm/testing';
import { ChangeCalendar, FollowConflictFacts } from '@itsm/transition/changes';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect } from 'amqplib';
import mongoose from 'mongoose';
import { createTransitionApp } from './transition.app';
import { TransitionConfig } from './transition.config';

interface Conflict {
  kind: string;
  itemId?: string;
  relatedItemId?: string;
  relation?: string;
  overridden?: boolean;
  other: { type: string; changeId?: string; freezeId?: string };
}

interface Change {
  id: string;
  itemIds: string[];
  number: string;
  state: string;
  version: number;
  conflicts: Conflict[];
}

/**
 * Integration: the transition app as wired, against the real broker and database: a change already on
 * the calendar gets the conflicts a later fact makes, and loses those a later fact ends, from transition's
 * own events on `itsm.transition.events` (a CMDB relationship has no request that could check the changes),
 * each recorded as `conflicts-changed` with its cause, reaching an outside subscriber; a redelivered fact
 * changes nothing twice; a freeze over more changes than a page goes on in further messages.
 */
describe('conflicts follow the facts that make or end them (transition app, real servers)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('conflict-facts');
  const config = loadConfig(TransitionConfig, transitionTestEnv(dbName));
  const CONFIGURATION_MANAGER: Principal = { userId: 'cora', roles: ['configuration_manager'], groups: [] };
  const CHANGE_MANAGER: Principal = { userId: 'mia', roles: ['change_manager'], groups: [] };
  const PLANS = { implementation: 'Run the upgrade', backout: 'Restore the snapshot', test: 'Smoke tests' };
  /** Hours of day `day` of July 2031. */
  const window = (day: number, from: number, to: number) => ({ start: new Date(Date.UTC(2031, 6, day, from)).toISOString(), end: new Date(Date.UTC(2031, 6, day, to)).toISOString() });
  let app: NestFastifyApplication;
  let tap: EventTap;
  /** The CMDB's relationship events, to deliver one again. */
  let relationshipTap: EventTap;

  const call = transitionCaller(() => app);
  const item = async (classKey: string, name: string, attributes: Record<string, unknown>) =>
    (await call<{ id: string }>(CONFIGURATION_MANAGER, 'POST', '/v1/cmdb/items', { classKey, name, lifecycleState: 'operational', attributes })).id;
  const server = (name: string) => item('server', name, { hostname: `${name}.example` });
  const relate = (type: string, fromItemId: string, toItemId: string) => call<{ id: string }>(CONFIGURATION_MANAGER, 'POST', '/v1/cmdb/relationships', { type, fromItemId, toItemId });
  const change = (id: string) => call<Change>(CHANGE_MANAGER, 'GET', `/v1/changes/${id}`);
  /** A standard change on `itemIds` from a pre-authorised template, scheduled (it holds its window on the calendar). */
  const scheduled = async (itemIds: string[], plannedWindow: { start: string; end: string }, justification?: string) => {
    const template = await call<{ id: string }>(CHANGE_MANAGER, 'POST', '/v1/change-templates', { name: `Patch ${itemIds.join(' ')}`, description: 'Patch', plans: PLANS, itemIds, active: true });
    const raised = await call<Change>(CHANGE_MANAGER, 'POST', '/v1/changes', { type: 'standard', title: 'Patch', changeGroupId: 'ops', templateId: template.id, plannedWindow });
    return call<Change>(CHANGE_MANAGER, 'POST', `/v1/changes/${raised.id}/schedule`, justification === undefined ? {} : { justification });
  };
  /** The change's conflicts once `settled` holds for them (facts are followed from events, a moment later). */
  const conflictsOnce = (id: string, settled: (conflicts: Conflict[]) => boolean) =>
    eventually(async () => (await change(id)).conflicts, settled, { timeoutMs: 15_000, what: `the conflicts of change ${id}` });
  const conflictsChanged = (id: string) => tap.messages.filter((message) => message.body.subject === id && message.body.type === 'itsm.transition.change.conflicts-changed.v1');
  const dataOf = (message: TappedMessage) => message.body.data as { version: number; conflicts: Conflict[]; cause?: { type: string; id: string; subject: string } };

  beforeAll(async () => {
    tap = await EventTap.open(amqpUrl, 'itsm.transition.change.#');
    relationshipTap = await EventTap.open(amqpUrl, 'itsm.transition.relationship.#');
    app = await createTransitionApp(config);
    await app.init();
    await app.startAllMicroservices();
  });

  afterAll(async () => {
    await app?.close();
    await tap?.close();
    await relationshipTap?.close();
    const db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    await db.dropDatabase();
    await db.close();
  });

  it('gives two changes a conflict when a relationship is added between their overlapping items, and a redelivery changes nothing twice', async () => {
    const application = await server('app-host-a');
    const database = await server('db-host-a');
    const onApplication = await scheduled([application], window(1, 1, 3));
    const onDatabase = await scheduled([database], window(1, 2, 4));
    expect([onApplication.conflicts, onDatabase.conflicts]).toEqual([[], []]);

    const relationship = await relate('depends_on', application, database);
    const [applicationConflicts, databaseConflicts] = await Promise.all([conflictsOnce(onApplication.id, (found) => found.length > 0), conflictsOnce(onDatabase.id, (found) => found.length > 0)]);
    expect(applicationConflicts).toEqual([expect.objectContaining({ kind: 'related-item', itemId: application, relatedItemId: database, relation: 'parent', overridden: false, other: expect.objectContaining({ changeId: onDatabase.id }) as unknown })]);
    expect(databaseConflicts).toEqual([expect.objectContaining({ kind: 'related-item', itemId: database, relatedItemId: application, relation: 'child', overridden: false, other: expect.objectContaining({ changeId: onApplication.id }) as unknown })]);

    // The outside subscriber sees each change's new conflicts and the fact that caused them.
    for (const id of [onApplication.id, onDatabase.id]) {
      const event = await tap.waitFor((message) => message.body.subject === id && message.body.type === 'itsm.transition.change.conflicts-changed.v1');
      expect(dataOf(event)).toMatchObject({ conflicts: [{ kind: 'related-item' }], cause: { type: 'itsm.transition.relationship.added.v1', subject: relationship.id } });
      expect(event.body).toMatchObject({ causationid: dataOf(event).cause?.id });
    }

    // The relationship's event once more, through the broker and straight to the follower: nothing is written twice.
    const versions = [(await change(onApplication.id)).version, (await change(onDatabase.id)).version];
    const added = await relationshipTap.waitFor((message) => message.body.subject === relationship.id);
    const event = added.body as unknown as CloudEvent<RelationshipAddedV1>;
    expect(dataOf(conflictsChanged(onApplication.id)[0] as TappedMessage).cause?.id).toBe(event.id);
    const connection = await connect(amqpUrl);
    const channel = await connection.createConfirmChannel();
    channel.publish(ITSM_EVENTS_EXCHANGE, event.type, Buffer.from(JSON.stringify(event)), { contentType: 'application/cloudevents+json', messageId: event.id, type: event.type });
    await channel.waitForConfirms();
    await connection.close();
    await app.get(FollowConflictFacts).relationshipAdded(event);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect([(await change(onApplication.id)).version, (await change(onDatabase.id)).version]).toEqual(versions);
    expect([conflictsChanged(onApplication.id).length, conflictsChanged(onDatabase.id).length]).toEqual([1, 1]);
  });

  it('flags a scheduled change a freeze defined later covers, and takes the conflict away when the other change is cancelled', async () => {
    const host = await server('host-b');
    const first = await scheduled([host], window(2, 1, 3));
    const second = await scheduled([host], window(2, 2, 4), 'Only slot the vendor has');
    expect(second.conflicts).toEqual([expect.objectContaining({ kind: 'same-item', overridden: true, other: expect.objectContaining({ changeId: first.id }) as unknown })]);
    // The first change did not know of the second when it was scheduled; the second's scheduling tells it.
    expect(await conflictsOnce(first.id, (found) => found.length === 1)).toEqual([expect.objectContaining({ kind: 'same-item', overridden: false, other: expect.objectContaining({ changeId: second.id }) as unknown })]);

    const freeze = await call<{ id: string }>(CHANGE_MANAGER, 'POST', '/v1/change-calendar/freezes', { name: 'Audit week', reason: 'Auditors on site', window: window(2, 0, 2), itemIds: [host] });
    const withFreeze = await conflictsOnce(first.id, (found) => found.some((conflict) => conflict.kind === 'freeze'));
    expect(withFreeze.map((conflict) => conflict.kind).sort()).toEqual(['freeze', 'same-item']);
    await tap.waitFor((message) => message.body.subject === first.id && dataOf(message).cause?.type === 'itsm.transition.freeze-window.defined.v1' && dataOf(message).cause?.subject === freeze.id);
    // The second starts at 02:00, when the freeze ends (half-open windows): untouched.
    expect((await change(second.id)).conflicts.map((conflict) => conflict.kind)).toEqual(['same-item']);

    await call(CHANGE_MANAGER, 'POST', `/v1/changes/${second.id}/cancellation`, { reason: 'Vendor cancelled' });
    expect(await conflictsOnce(first.id, (found) => found.length === 1)).toEqual([expect.objectContaining({ kind: 'freeze', other: expect.objectContaining({ freezeId: freeze.id }) as unknown })]);
    await tap.waitFor((message) => message.body.subject === first.id && dataOf(message).cause?.type === 'itsm.transition.change.cancelled.v1' && dataOf(message).cause?.subject === second.id);

    // The calendar of the day, by the item, shows each change's current conflicts.
    const calendar = await call<{ changes: Array<{ id: string; conflicts: Conflict[] }> }>(CHANGE_MANAGER, 'GET', `/v1/change-calendar?from=${window(2, 0, 1).start}&to=${window(3, 0, 1).start}&itemId=${host}`);
    expect(calendar.changes.map(({ id, conflicts }) => [id, conflicts.map((conflict) => conflict.kind)])).toEqual([[first.id, ['freeze']]]);
  });

  it('ends, from its event, the conflicts a replanned change left where it was (as when the request died before checking them)', async () => {
    const host = await server('host-c');
    const elsewhere = await server('host-d');
    const first = await scheduled([host], window(3, 1, 3));
    const second = await scheduled([host], window(3, 2, 4), 'Agreed with the other team');
    await conflictsOnce(first.id, (found) => found.length === 1);
    const db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    try {
      const changes = db.collection<{ _id: string; conflicts?: unknown[]; conflictPartyIds?: string[] }>('changes');
      const stale = await changes.findOne({ _id: first.id }, { projection: { conflicts: 1, conflictPartyIds: 1 } });
      expect(stale).toMatchObject({ conflictPartyIds: [second.id] });
      await call(CHANGE_MANAGER, 'PUT', `/v1/changes/${second.id}/plan`, { itemIds: [elsewhere] });
      await conflictsOnce(first.id, (found) => found.length === 0);
      // The first change's conflict with the second put back, as if the process had died before the request checked it again.
      await changes.updateOne({ _id: first.id }, { $set: { conflicts: stale?.conflicts, conflictPartyIds: [second.id] } });
      const replanned = await tap.waitFor((message) => message.body.subject === second.id && message.body.type === 'itsm.transition.change.replanned.v1');
      // The event names the second change's new items only; the first is found by the party its conflicts name.
      await app.get(FollowConflictFacts).changeMoved(replanned.body as unknown as CloudEvent<ChangeV1>);
      expect((await change(first.id)).conflicts).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('rewrites a change\'s stored conflict when the other change moves but still conflicts (it shows the other\'s new window)', async () => {
    const host = await server('host-e');
    const first = await scheduled([host], window(4, 1, 3));
    const second = await scheduled([host], window(4, 2, 4), 'Agreed with the other team');
    await conflictsOnce(first.id, (found) => found.length === 1);
    expect(conflictsChanged(first.id)).toHaveLength(1);

    const moved = window(4, 2, 5);
    await call(CHANGE_MANAGER, 'PUT', `/v1/changes/${second.id}/plan`, { plannedWindow: moved });
    const refreshed = await conflictsOnce(first.id, (found) => (found[0]?.other as { window?: { end: string } } | undefined)?.window?.end === moved.end);
    expect(refreshed).toEqual([expect.objectContaining({ kind: 'same-item', other: expect.objectContaining({ changeId: second.id, window: moved }) as unknown })]);
    await tap.waitFor((message) => message.body.subject === first.id && dataOf(message).cause?.type === 'itsm.transition.change.replanned.v1' && dataOf(message).cause?.subject === second.id);
    // The second's own conflict with the first (the same key, the override still covers it) is unchanged.
    expect((await change(second.id)).conflicts).toEqual([expect.objectContaining({ kind: 'same-item', overridden: true, other: expect.objectContaining({ changeId: first.id }) as unknown })]);
  });

  it('takes an item of the CMDB by its external id for a template, its change and a freeze, and stores the item\'s id', async () => {
    const externalId = `srv-ext-${uuidV7().slice(-12)}`;
    const host = (await call<{ id: string }>(CONFIGURATION_MANAGER, 'POST', '/v1/cmdb/items', { classKey: 'server', name: 'host-f', externalId, lifecycleState: 'operational', attributes: { hostname: 'host-f.example' } })).id;
    const change = await scheduled([externalId], window(5, 1, 3));
    expect(change.itemIds).toEqual([host]);
    const freeze = await call<{ id: string; itemIds: string[] }>(CHANGE_MANAGER, 'POST', '/v1/change-calendar/freezes', { name: 'By external id', reason: 'Audit', window: window(5, 0, 2), itemIds: [externalId] });
    expect(freeze.itemIds).toEqual([host]);
    // Both stored by the item's id, the change meets the freeze.
    expect(await conflictsOnce(change.id, (found) => found.length === 1)).toEqual([expect.objectContaining({ kind: 'freeze', itemId: host })]);
    // A filter takes either spelling too.
    for (const itemId of [externalId, host]) {
      expect((await call<{ items: Change[] }>(CHANGE_MANAGER, 'GET', `/v1/changes?itemId=${itemId}`)).items.map((each) => each.id)).toEqual([change.id]);
      const period = window(5, 0, 6);
      expect((await call<{ changes: Array<{ id: string }> }>(CHANGE_MANAGER, 'GET', `/v1/change-calendar?from=${period.start}&to=${period.end}&itemId=${itemId}`)).changes.map((each) => each.id)).toEqual([change.id]);
    }
  });

  it('applies a design service\'s maintenance windows to a change on an item revised into that service\'s item', async () => {
    const serviceId = uuidV7();
    // Saturday and Sunday nights only, kept under the service's id as design's availability target sets them (the API
    // names items of the CMDB only).
    const fromDesign = (windows: MaintenanceWindowV1[]) => app.get(ChangeCalendar).setMaintenance(serviceId, windows, { source: 'design', serviceId }, undefined, { correlationId: uuidV7() });
    await fromDesign([{ name: 'Weekend nights', timeZone: 'UTC', days: ['saturday', 'sunday'], start: '00:00', durationMinutes: 240 }]);
    const shop = await call<{ id: string; version: number }>(CONFIGURATION_MANAGER, 'POST', '/v1/cmdb/items', { classKey: 'business_service', name: 'Shop', lifecycleState: 'operational', attributes: {} });
    // 2031-07-04 is a Friday.
    const onShop = await scheduled([shop.id], window(4, 1, 2));
    expect(onShop.conflicts).toEqual([]);
    await call(CONFIGURATION_MANAGER, 'PUT', `/v1/cmdb/items/${shop.id}`, { classKey: 'business_service', name: 'Shop', lifecycleState: 'operational', attributes: {}, externalId: `design-service:${serviceId}`, expectedVersion: shop.version });
    expect(await conflictsOnce(onShop.id, (found) => found.length > 0)).toEqual([expect.objectContaining({ kind: 'outside-maintenance-window', itemId: shop.id, overridden: false })]);
    await tap.waitFor((message) => message.body.subject === onShop.id && dataOf(message).cause?.type === 'itsm.transition.configuration-item.revised.v1' && dataOf(message).cause?.subject === shop.id);

    // Windows set again under the service's id reach the changes on its item: every night now, the conflict ends.
    const everyDay: MaintenanceWindowV1['days'] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    await fromDesign([{ name: 'Nights', timeZone: 'UTC', days: everyDay, start: '00:00', durationMinutes: 240 }]);
    expect(await conflictsOnce(onShop.id, (found) => found.length === 0)).toEqual([]);
  });

  it('goes through every change a freeze on every item covers, a page per message', async () => {
    const hosts = await Promise.all(Array.from({ length: 60 }, (_, index) => server(`fleet-${index}`)));
    const changes: Change[] = [];
    for (const host of hosts) changes.push(await scheduled([host], window(10, 1, 2)));
    await call(CHANGE_MANAGER, 'POST', '/v1/change-calendar/freezes', { name: 'Datacentre move', reason: 'Power work', window: window(10, 0, 6), itemIds: [] });
    await eventually(
      async () => Promise.all(changes.map(async ({ id }) => (await change(id)).conflicts.length)),
      (counts) => counts.every((count) => count === 1),
      { timeoutMs: 30_000, what: 'the freeze on every change' },
    );
  });
});
