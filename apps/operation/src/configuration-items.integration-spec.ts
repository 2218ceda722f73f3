import { UnprocessableError } from '@itsm/contracts';
import { loadConfig } from '@itsm/config';
import { MessagePublisher } from '@itsm/messaging';
import { IncidentLifecycleRepository, RegisterIncident } from '@itsm/operation/incidents';
import { ConfigurationItemCopyRepository } from '@itsm/operation/configuration-items';
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

    // By external id or by the item's id: both name the item, and the incident keeps the reference as reported.
    const byExternalId = await report(externalId);
    const byId = await report(registered.data.itemId);
    expect((await app.get(IncidentLifecycleRepository).findForChange(byExternalId))?.incident.configurationItemId).toBe(externalId);
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
});
