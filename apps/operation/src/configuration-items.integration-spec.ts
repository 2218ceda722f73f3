import { UnprocessableError, uuidV7 } from '@itsm/contracts';
import { loadConfig } from '@itsm/config';
import { MessagePublisher } from '@itsm/messaging';
import { IncidentLifecycleRepository, RegisterIncident } from '@itsm/operation/incidents';
import { CANONICAL_CI_REFERENCES_MIGRATION, ConfigurationItemCopyRepository, ConfigurationItemReferencesBackfill } from '@itsm/operation/configuration-items';
import { DEFAULT_ROUTING_TABLE_TTL_MS, DefineAssignmentGroup, DefineRoutingRule } from '@itsm/operation/assignment';
import { MIGRATIONS_COLLECTION } from '@itsm/persistence';
import { configurationItemEvent, eventually, operationTestEnv, registerIncidentCommand, testServers, uniqueDatabaseName } from '@itsm/testing';
import { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

/**
 * Integration: operation's copy of the CMDB's items, fed by transition's events through operation's own event
 * queue (the intake role), and intake's check of an incident's configuration item against it: refused while the
 * copy lacks the item or holds it retired, accepted once the item's event arrived; versions stored once each,
 * an older one after a newer one changing nothing.
 */
describe("operation's copy of the CMDB's items and intake's check (real servers)", () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('ci-refs');
  const config = loadConfig(OperationConfig, operationTestEnv(dbName));
  const caller = { userId: 'caller-1', roles: ['requester' as const], groups: [] };
  let app: INestApplication;
  let db: mongoose.Connection;
  let run = 0;

  const copyOf = (reference: string) => app.get(ConfigurationItemCopyRepository).findByReference(reference);
  const arrived = (reference: string, version: number) => eventually(() => copyOf(reference), (item) => item?.version === version, { what: `${reference} v${version} in operation's copy`, timeoutMs: 20_000 });
  /** Reports an incident on the item through intake; the incident's id when stored. */
  const report = async (configurationItemId: string): Promise<string> => {
    const command = registerIncidentCommand(caller, `Down: ${configurationItemId}`, { configurationItemId });
    expect(await app.get(RegisterIncident).execute(command)).toBe('created');
    return command.data.incidentId;
  };

  beforeAll(async () => {
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    app = await createOperationApp(config);
    await app.startAllMicroservices();
    await app.init();
  });

  beforeEach(() => {
    run += 1;
  });

  afterAll(async () => {
    await app.close();
    await db.dropDatabase();
    await db.close();
  });

  it('refuses an incident on an item it does not know with the reason, and takes it once the item is registered', async () => {
    const externalId = `web-${run}-${Date.now()}`;
    const refused = await report(externalId).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(UnprocessableError);
    expect((refused as Error).message).toBe(
      `configurationItemId: no configuration item of the CMDB has the id or external id ${externalId} (an item registered a moment ago may not have reached operation yet: try again shortly)`,
    );

    const registered = configurationItemEvent(externalId, { name: 'Web front end' });
    await app.get(MessagePublisher).publish(registered);
    await arrived(externalId, 1);
    expect(await copyOf(externalId)).toMatchObject({ _id: registered.data.itemId, externalKey: externalId, name: 'Web front end', classKey: 'server', lifecycleState: 'operational', version: 1 });

    // By external id or by the item's id: both name the item, and the incident stores the item's id either way.
    const byExternalId = await report(externalId);
    const byId = await report(registered.data.itemId);
    expect((await app.get(IncidentLifecycleRepository).findForChange(byExternalId))?.incident.configurationItemId).toBe(registered.data.itemId);
    expect((await app.get(IncidentLifecycleRepository).findForChange(byId))?.incident.configurationItemId).toBe(registered.data.itemId);
  });

  it('refuses an incident on a retired item; an older version arriving later, or a redelivery, changes nothing', async () => {
    const externalId = `db-${run}-${Date.now()}`;
    const registered = configurationItemEvent(externalId);
    const retired = configurationItemEvent(externalId, { itemId: registered.data.itemId, lifecycleState: 'retired', version: 2 });
    const publisher = app.get(MessagePublisher);
    await publisher.publish(retired);
    await arrived(externalId, 2);
    await publisher.publish(registered);
    await publisher.publish(retired);
    // Something published after them has arrived, so they have been handled.
    const marker = configurationItemEvent(`marker-${run}-${Date.now()}`);
    await publisher.publish(marker);
    await arrived(marker.data.externalId ?? '', 1);

    expect(await copyOf(externalId)).toMatchObject({ version: 2, lifecycleState: 'retired' });
    await expect(report(externalId)).rejects.toThrow(`configurationItemId: the configuration item ${externalId} (${externalId}) is retired`);
  });

  it('routes an incident reported by an item\'s external id by a rule on its id, and one reported by its id by a rule on its external id', async () => {
    const relay = configurationItemEvent(`relay-${run}-${Date.now()}`);
    const proxy = configurationItemEvent(`proxy-${run}-${Date.now()}`);
    const publisher = app.get(MessagePublisher);
    await publisher.publish(relay);
    await publisher.publish(proxy);
    await arrived(relay.data.externalId ?? '', 1);
    await arrived(proxy.data.externalId ?? '', 1);
    const manager = { userId: 'im-1', roles: ['incident_manager' as const], groups: [] };
    const origin = { actor: manager, actorId: manager.userId, correlationId: 'ci-refs-routing' };
    const mail = await app.get(DefineAssignmentGroup).define({ name: `Mail ${run}`, memberIds: [], active: true }, origin);
    const web = await app.get(DefineAssignmentGroup).define({ name: `Web ${run}`, memberIds: [], active: true }, origin);
    await app.get(DefineRoutingRule).define({ name: 'relay by id', order: 10, groupId: mail._id, active: true, configurationItemId: relay.data.itemId }, origin);
    await app.get(DefineRoutingRule).define({ name: 'proxy by external id', order: 20, groupId: web._id, active: true, configurationItemId: proxy.data.externalId }, origin);
    // Intake routes with a table read at most this long ago: wait until it reads the rules just written.
    await new Promise((resolve) => setTimeout(resolve, DEFAULT_ROUTING_TABLE_TTL_MS + 200));

    const onRelay = await report(relay.data.externalId ?? '');
    const onProxy = await report(proxy.data.itemId);
    const stored = async (id: string) => (await app.get(IncidentLifecycleRepository).findForChange(id))?.incident;
    expect(await stored(onRelay)).toMatchObject({ configurationItemId: relay.data.itemId, assignmentGroupId: mail._id });
    expect(await stored(onProxy)).toMatchObject({ configurationItemId: proxy.data.itemId, assignmentGroupId: web._id });
  });

  it('rewrites CI references stored before they were resolved to the items\' ids, leaving unknown ones and its marker until none is left', async () => {
    const item = configurationItemEvent(`legacy-${run}-${Date.now()}`);
    const externalId = item.data.externalId ?? '';
    await app.get(MessagePublisher).publish(item);
    await arrived(externalId, 1);
    const collection = (name: string) => db.collection(name);
    const [incidentId, ruleId, problemId, knownErrorId, laterId] = [uuidV7(), uuidV7(), uuidV7(), uuidV7(), uuidV7()];
    // Stored as given, as before: an external id, a list naming the item twice and free text no item has.
    await collection('incidents').insertOne({ _id: incidentId as never, title: 'old', configurationItemId: externalId });
    await collection('routing_rules').insertOne({ _id: ruleId as never, name: 'old', configurationItemId: externalId });
    await collection('problems').insertOne({ _id: problemId as never, title: 'old', configurationItemIds: [externalId, item.data.itemId] });
    await collection('known_errors').insertOne({ _id: knownErrorId as never, title: 'old', configurationItemIds: ['free text host', externalId] });
    await collection(MIGRATIONS_COLLECTION).deleteOne({ _id: CANONICAL_CI_REFERENCES_MIGRATION as never });

    const backfill = app.get(ConfigurationItemReferencesBackfill);
    expect(await backfill.backfill()).toEqual({ rewritten: 4, unresolved: ['free text host'] });
    expect(await collection('incidents').findOne({ _id: incidentId as never })).toMatchObject({ configurationItemId: item.data.itemId });
    expect(await collection('routing_rules').findOne({ _id: ruleId as never })).toMatchObject({ configurationItemId: item.data.itemId });
    expect(await collection('problems').findOne({ _id: problemId as never })).toMatchObject({ configurationItemIds: [item.data.itemId] });
    expect(await collection('known_errors').findOne({ _id: knownErrorId as never })).toMatchObject({ configurationItemIds: ['free text host', item.data.itemId] });
    // Something was left unresolved: no marker, the next start tries again (and finds nothing more to rewrite).
    expect(await collection(MIGRATIONS_COLLECTION).findOne({ _id: CANONICAL_CI_REFERENCES_MIGRATION as never })).toBeNull();
    expect(await backfill.backfill()).toEqual({ rewritten: 0, unresolved: ['free text host'] });

    // Once the free text is gone (an operator corrected it), the pass completes and later starts stop at the marker.
    await collection('known_errors').deleteOne({ _id: knownErrorId as never });
    await collection('incidents').insertOne({ _id: laterId as never, title: 'old', configurationItemId: externalId });
    expect(await backfill.backfill()).toEqual({ rewritten: 1, unresolved: [] });
    expect(await collection(MIGRATIONS_COLLECTION).findOne({ _id: CANONICAL_CI_REFERENCES_MIGRATION as never })).toMatchObject({ completedAt: expect.any(Date) });
    await collection('incidents').updateOne({ _id: laterId as never }, { $set: { configurationItemId: externalId } });
    expect(await backfill.backfill()).toEqual({ rewritten: 0, unresolved: [] });
    expect(await collection('incidents').findOne({ _id: laterId as never })).toMatchObject({ configurationItemId: externalId });
  });
});
