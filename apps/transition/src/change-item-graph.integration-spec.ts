import { loadConfig } from '@itsm/config';
import { Principal, uuidV7 } from '@itsm/contracts';
import { internalToken, testServers, transitionCaller, transitionTestEnv, uniqueDatabaseName } from '@itsm/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import mongoose from 'mongoose';
import { createTransitionApp } from './transition.app';
import { TransitionConfig } from './transition.config';

interface Change {
  id: string;
  number: string;
  state: string;
  risk?: string;
  riskAssessment?: { questionnaireRisk: string; highestCriticality?: string };
  approval?: { approverKind: string };
}

interface Conflict {
  kind: string;
  itemId?: string;
  relatedItemId?: string;
  relation?: string;
  reason: string;
  other: { type: string; changeId?: string; number?: string };
}

/**
 * Integration: the transition app as wired (`TransitionModule`), against the real broker and database:
 * change enablement reads the CMDB's relationships and attributes through its item graph, so a change
 * overlapping a change on the item's CMDB parent or child conflicts with it, a critical item lifts the
 * risk, and the calendar filtered by a design service shows the changes on what the service depends on.
 */
describe('changes on the CMDB (transition app, real servers)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('change-item-graph');
  const config = loadConfig(TransitionConfig, transitionTestEnv(dbName));
  const CONFIGURATION_MANAGER: Principal = { userId: 'cora', roles: ['configuration_manager'], groups: [] };
  const CHANGE_MANAGER: Principal = { userId: 'mia', roles: ['change_manager'], groups: [] };
  const PLANS = { implementation: 'Run the upgrade', backout: 'Restore the snapshot', test: 'Smoke tests' };
  const SAFE = { userImpact: 'team', outage: 'none', testing: 'tested', backout: 'tested', experience: 'done_before' };
  /** Design's id of the service the business-service item stands for. */
  const serviceId = uuidV7();
  /** Hours of 2031-06-03. */
  const window = (from: number, to: number) => ({ start: `2031-06-03T${String(from).padStart(2, '0')}:00:00.000Z`, end: `2031-06-03T${String(to).padStart(2, '0')}:00:00.000Z` });
  let app: NestFastifyApplication;

  const call = transitionCaller(() => app);
  const item = async (classKey: string, name: string, attributes: Record<string, unknown> = {}, externalId?: string) =>
    (await call<{ id: string }>(CONFIGURATION_MANAGER, 'POST', '/v1/cmdb/items', { classKey, name, lifecycleState: 'operational', attributes, ...(externalId === undefined ? {} : { externalId }) })).id;
  const relate = (type: string, fromItemId: string, toItemId: string) => call(CONFIGURATION_MANAGER, 'POST', '/v1/cmdb/relationships', { type, fromItemId, toItemId });
  /** A normal change on `itemIds` in `plannedWindow`, submitted: in Assess, it holds its window on the calendar. */
  const submitted = async (title: string, itemIds: string[], plannedWindow: { start: string; end: string }) => {
    const change = await call<Change>(CHANGE_MANAGER, 'POST', '/v1/changes', { type: 'normal', title, changeGroupId: 'app-team', itemIds, plans: PLANS, plannedWindow });
    await call(CHANGE_MANAGER, 'POST', `/v1/changes/${change.id}/submission`, {});
    return change;
  };
  const conflictsOf = async (changeId: string) => (await call<{ conflicts: Conflict[] }>(CHANGE_MANAGER, 'GET', `/v1/changes/${changeId}/conflicts`)).conflicts;

  let server: string;
  let application: string;
  let service: string;

  beforeAll(async () => {
    app = await createTransitionApp(config);
    await app.init();
    // The shop: a business service (design's, high) that depends on an application that runs on a server.
    server = await item('server', 'srv-shop', { hostname: 'srv-shop.example' });
    application = await item('application', 'shop-web', { version: '4.2' });
    service = await item('business_service', 'Web shop', { criticality: 'high' }, `design-service:${serviceId}`);
    await relate('runs_on', application, server);
    await relate('depends_on', service, application);
    await call(CHANGE_MANAGER, 'PUT', '/v1/change-boards/cab', { memberIds: ['carl', 'cid'], rule: { kind: 'any' } });
  });

  afterAll(async () => {
    await app?.close();
    const db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    await db.dropDatabase();
    await db.close();
  });

  it('reports a change on a server overlapping a change on the application that runs on it as a conflict with the CMDB parent and child', async () => {
    const onApplication = await submitted('Upgrade the shop', [application], window(1, 3));
    const onServer = await submitted('Patch the server', [server], window(2, 4));

    expect(await conflictsOf(onServer.id)).toEqual([
      expect.objectContaining({ kind: 'related-item', itemId: server, relatedItemId: application, relation: 'child', other: expect.objectContaining({ type: 'change', changeId: onApplication.id, number: onApplication.number }) as unknown }),
    ]);
    expect(await conflictsOf(onApplication.id)).toEqual([
      expect.objectContaining({ kind: 'related-item', itemId: application, relatedItemId: server, relation: 'parent', other: expect.objectContaining({ type: 'change', changeId: onServer.id, number: onServer.number }) as unknown }),
    ]);
    // A window after the other one's end overlaps nothing, though the items are related.
    const later = await submitted('Patch the server again', [server], window(5, 6));
    expect(await conflictsOf(later.id)).toEqual([]);

    // The calendar filtered by the design service shows the changes on what the service depends on.
    const calendar = await call<{ changes: Array<{ id: string }> }>(CHANGE_MANAGER, 'GET', `/v1/change-calendar?from=2031-06-03T00:00:00.000Z&to=2031-06-04T00:00:00.000Z&serviceId=${serviceId}`);
    expect(calendar.changes.map(({ id }) => id).sort()).toEqual([onApplication.id, onServer.id, later.id].sort());
  });

  it('lifts the risk of a change on a high-criticality item to moderate, so the CAB authorises it', async () => {
    const onService = await submitted('Move the shop', [service], window(8, 9));
    const assessed = await call<Change>(CHANGE_MANAGER, 'POST', `/v1/changes/${onService.id}/assessment`, { riskAnswers: SAFE });
    expect(assessed).toMatchObject({ state: 'authorize', risk: 'moderate', riskAssessment: { questionnaireRisk: 'low', highestCriticality: 'high' }, approval: { approverKind: 'cab' } });

    // The server has no criticality: the questionnaire's low risk stands (and goes to the group's manager, whom transition does not know).
    const onServer = await submitted('Reboot the server', [server], window(10, 11));
    const refused = await app.getHttpAdapter().getInstance().inject({
      method: 'POST',
      url: `/v1/changes/${onServer.id}/assessment`,
      headers: { 'x-itsm-principal': await internalToken({ sub: CHANGE_MANAGER.userId, roles: CHANGE_MANAGER.roles }) },
      payload: { riskAnswers: SAFE },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('changeGroupId');
  });

  it('lifts the risk of a change on a server of high criticality as on a business service (every built-in class has a criticality)', async () => {
    const critical = await item('server', 'srv-payments', { hostname: 'srv-payments.example', criticality: 'high' });
    const onServer = await submitted('Patch the payments server', [critical], window(12, 13));
    const assessed = await call<Change>(CHANGE_MANAGER, 'POST', `/v1/changes/${onServer.id}/assessment`, { riskAnswers: SAFE });
    expect(assessed).toMatchObject({ state: 'authorize', risk: 'moderate', riskAssessment: { questionnaireRisk: 'low', highestCriticality: 'high' }, approval: { approverKind: 'cab' } });
  });
});
