import { Principal, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { CATALOGUE_ITEM_DEFINED_V1, CatalogueItemDefinedV1, SERVICE_PUBLISHED_V1 } from '@itsm/contracts/design';
import { RequestView, SLA_BREACHED_V1, SLA_WARNING_V1 } from '@itsm/contracts/operation';
import { loadConfig } from '@itsm/config';
import { ChangeRequest, REQUEST_SLA_DUE_SLOT_MIGRATION, RequestSlaSweep, ServiceRequestFieldsBackfill, ServiceRequestRepository } from '@itsm/operation/requests';
import { MIGRATIONS_COLLECTION } from '@itsm/persistence';
import { dueSlotOf } from '@itsm/service-runtime';
import { RecordDesignDefinitions } from '@itsm/operation/service-levels';
import { EventTap, SWEEPS_ONLY_WHEN_RUN, eventually, internalToken, operationTestEnv, testServers, uniqueDatabaseName } from '@itsm/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import mongoose from 'mongoose';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

const HOUR = 3_600_000;

/**
 * Integration: request fulfilment in the operation service against the real broker and database, over its
 * HTTP routes with internal tokens as the gateway signs them: design's catalogue item and service arrive as
 * events (operation's own copy), a requester requests the item, approvers decide in the item's order, the
 * fulfilment group works the task, the request closes; the delivery target runs as an SLA clock, advanced
 * by the sweep; who reads what is decided by the service.
 */
describe('request fulfilment (real servers)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('requests');
  // The sweeps are run by the tests, at the instants they choose.
  const config = loadConfig(OperationConfig, operationTestEnv(dbName, { ...SWEEPS_ONLY_WHEN_RUN, ITSM_LOG_LEVEL: 'error' }));
  const user = (userId: string, roles: Principal['roles'] = ['requester'], groups: string[] = []): Principal => ({ userId, roles, groups });
  const alice = user('alice');
  const bob = user('bob');
  const mary = user('mary');
  const otto = user('otto', ['service_owner']);
  const ben = user('ben');
  const admin = user('root', ['administrator']);
  const agent = user('dana', ['service_desk_agent']);
  const serviceId = uuidV7();
  const laptop = uuidV7();
  const mouse = uuidV7();
  let app: NestFastifyApplication;
  let db: mongoose.Connection;
  let tap: EventTap;
  let desktopId: string;

  const call = async (caller: Principal, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const token = await internalToken({ sub: caller.userId, roles: caller.roles, groups: caller.groups });
    const response = await app.getHttpAdapter().getInstance().inject({ method, url, headers: { 'x-itsm-principal': token }, ...(payload === undefined ? {} : { payload }) });
    return { status: response.statusCode, body: response.json() as RequestView & { items: RequestView[]; errors: Array<{ field: string }>; id: string } };
  };
  const item = (itemId: string, fields: Partial<CatalogueItemDefinedV1>) =>
    createCloudEvent(
      CATALOGUE_ITEM_DEFINED_V1,
      itemId,
      {
        itemId,
        version: 1,
        serviceId,
        name: 'Laptop',
        description: 'A laptop',
        category: 'hardware',
        keywords: [],
        form: [
          { key: 'model', label: 'Model', type: 'choice', required: true, allowedValues: ['standard', 'developer'] },
          { key: 'count', label: 'How many', type: 'number', required: true, min: 1, max: 3 },
        ],
        approvals: [{ approver: 'manager' }, { approver: 'service_owner' }, { approver: 'group', ref: 'Hardware board' }],
        fulfilmentGroup: 'Desktop',
        deliveryTargetMinutes: 240,
        active: true,
        ...fields,
      } as CatalogueItemDefinedV1,
      { service: 'design' },
    );
  /** A request for the laptop (answering its form) or the mouse (no form). */
  const submit = async (requester: Principal, itemId = laptop) => {
    const answers = itemId === laptop ? [{ key: 'model', value: 'developer' }, { key: 'count', value: '1' }] : [];
    const submitted = await call(requester, 'POST', '/v1/requests', { itemId, answers });
    expect(submitted.status).toBe(201);
    return submitted.body;
  };
  const decide = (approver: Principal, id: string, decision: 'approved' | 'rejected', comment = `${decision} by ${approver.userId}`) =>
    call(approver, 'POST', `/v1/requests/${id}/approval`, { decision, comment });

  beforeAll(async () => {
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    tap = await EventTap.open(amqpUrl, 'itsm.operation.#');
    app = await createOperationApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const record = app.get(RecordDesignDefinitions);
    await record.serviceChanged(createCloudEvent(SERVICE_PUBLISHED_V1, serviceId, { serviceId, version: 1, name: 'Workplace', description: 'Laptops', type: 'business', ownerId: 'otto', offerings: [], capacityTargets: [], state: 'published' }, { service: 'design' }));
    await record.itemDefined(item(laptop, {}));
    await record.itemDefined(item(mouse, { name: 'Mouse', form: [], approvals: [], deliveryTargetMinutes: 60 }));
    const desktop = await call(admin, 'POST', '/v1/assignment-groups', { name: 'Desktop', memberIds: ['fred', 'fiona'], active: true });
    desktopId = desktop.body.id;
    expect((await call(admin, 'POST', '/v1/assignment-groups', { name: 'Hardware board', memberIds: ['bea', 'ben'], active: true })).status).toBe(201);
    expect((await call(admin, 'PUT', '/v1/reporting-lines', { userId: 'alice', managerId: 'mary' })).status).toBe(200);
  });

  afterAll(async () => {
    await app?.close();
    await tap?.close();
    await db?.dropDatabase();
    await db?.close();
  });

  it('checks the answers against the item form on the server: 400 naming each answer', async () => {
    const refused = await call(alice, 'POST', '/v1/requests', { itemId: laptop, answers: [{ key: 'model', value: 'gaming' }, { key: 'colour', value: 'red' }] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((issue) => issue.field).sort()).toEqual(['answers.colour', 'answers.count', 'answers.model']);
    expect((await call(alice, 'POST', '/v1/requests', { itemId: uuidV7(), answers: [] })).body.errors).toEqual([{ field: 'itemId', messages: ['no catalogue item has this id'] }]);
  });

  it('walks the approvals in the item order, opens the fulfilment task, and closes the request when it is done, with events for every fact', async () => {
    const request = await submit(alice);
    expect(request).toMatchObject({ state: 'awaiting_approval', requesterId: 'alice', item: { itemId: laptop, version: 1, name: 'Laptop' }, fulfilmentGroup: { groupId: desktopId, name: 'Desktop' } });
    expect(request.number).toMatch(/^REQ\d{7}$/);
    expect(request.approvals.map((step) => [step.approver, step.approverIds, step.state])).toEqual([
      ['manager', ['mary'], 'pending'],
      ['service_owner', ['otto'], 'waiting'],
      ['group', ['bea', 'ben'], 'waiting'],
    ]);
    expect(request.slas).toEqual([expect.objectContaining({ slaId: laptop, slaVersion: 1, name: 'Delivery of Laptop', kind: 'sla', target: 'resolution', targetMs: 4 * HOUR, stage: 'in_progress' })]);
    expect(Date.parse(request.slas[0]?.dueAt ?? '') - Date.parse(request.submittedAt)).toBe(4 * HOUR);

    expect((await call(mary, 'GET', '/v1/approvals')).body.items.map((waiting) => waiting.id)).toContain(request.id);
    expect((await call(otto, 'GET', '/v1/approvals')).body.items.map((waiting) => waiting.id)).not.toContain(request.id);
    expect((await decide(otto, request.id, 'approved')).status).toBe(403);
    expect((await decide(mary, request.id, 'approved')).body.approvals[0]).toMatchObject({ state: 'approved', decidedBy: 'mary', comment: 'approved by mary' });
    expect((await call(otto, 'GET', '/v1/approvals')).body.items.map((waiting) => waiting.id)).toContain(request.id);
    await decide(otto, request.id, 'approved');
    const approved = await decide(ben, request.id, 'approved');
    expect(approved.body).toMatchObject({ state: 'in_fulfilment', tasks: [{ taskId: 'T1', title: 'Laptop', groupId: desktopId, state: 'open' }] });
    expect((await decide(bea(), request.id, 'approved')).status).toBe(409);

    const fred = user('fred', ['resolver'], [desktopId]);
    const rita = user('rita', ['resolver'], [uuidV7()]);
    expect((await call(rita, 'POST', `/v1/requests/${request.id}/tasks/T1/actions`, { action: 'start' })).status).toBe(403);
    expect((await call(fred, 'POST', `/v1/requests/${request.id}/tasks/T1/actions`, { action: 'hold' })).body.errors).toEqual([{ field: 'reason', messages: ['reason is required to hold a task'] }]);
    expect((await call(fred, 'POST', `/v1/requests/${request.id}/tasks/T1/actions`, { action: 'start' })).body.tasks[0]).toMatchObject({ state: 'in_progress', assigneeId: 'fred' });
    const closed = await call(fred, 'POST', `/v1/requests/${request.id}/tasks/T1/actions`, { action: 'complete', note: 'delivered' });
    expect(closed.body).toMatchObject({ state: 'closed', tasks: [{ state: 'done', note: 'delivered' }] });
    expect(closed.body.slas[0]).toMatchObject({ stage: 'completed', breached: false });

    // Delivery is at least once (a change written before the relay marked the previous one's events sent publishes
    // them again, with the same ids; subscribers deduplicate by id): each fact once by event id, in order.
    const types = async () => [...new Map(tap.messages.filter((message) => message.body.subject === request.id).map((message) => [message.body.id, message.body.type])).values()];
    await tap.waitFor((message) => message.body.subject === request.id && message.body.type === 'itsm.operation.sla.completed.v1');
    expect(await types()).toEqual([
      'itsm.operation.request.submitted.v1',
      'itsm.operation.sla.started.v1',
      'itsm.operation.request.approval-decided.v1',
      'itsm.operation.request.approval-decided.v1',
      'itsm.operation.request.approval-decided.v1',
      'itsm.operation.request.state-changed.v1',
      'itsm.operation.request.task-opened.v1',
      'itsm.operation.request.task-changed.v1',
      'itsm.operation.request.task-changed.v1',
      'itsm.operation.request.state-changed.v1',
      'itsm.operation.sla.completed.v1',
    ]);
    const decided = tap.messages.find((message) => message.body.subject === request.id && message.body.type === 'itsm.operation.request.approval-decided.v1');
    expect(decided?.body.data).toMatchObject({ requestId: request.id, number: request.number, seq: 1, decision: 'approved', comment: 'approved by mary', by: 'mary' });
  });

  it('ends the request at a rejection, its clock cancelled and the later steps skipped', async () => {
    const request = await submit(alice);
    const rejected = await decide(mary, request.id, 'rejected', 'not in the budget');
    expect(rejected.body).toMatchObject({ state: 'rejected', approvals: [{ state: 'rejected', comment: 'not in the budget' }, { state: 'skipped' }, { state: 'skipped' }] });
    expect(rejected.body.slas[0]).toMatchObject({ stage: 'cancelled' });
    expect((await call(mary, 'GET', '/v1/approvals')).body.items.map((waiting) => waiting.id)).not.toContain(request.id);
  });

  it('lets a requester list and read only their own requests, with status and comments; 422 without a manager on record', async () => {
    expect((await call(bob, 'POST', '/v1/requests', { itemId: laptop, answers: [{ key: 'model', value: 'standard' }, { key: 'count', value: '2' }] })).status).toBe(422);
    const bobs = await submit(bob, mouse);
    expect(bobs).toMatchObject({ state: 'in_fulfilment', tasks: [{ taskId: 'T1', state: 'open' }] });
    const alices = await submit(alice);
    expect((await call(bob, 'GET', `/v1/requests/${alices.id}`)).status).toBe(404);
    expect((await call(bob, 'POST', `/v1/requests/${alices.id}/comments`, { text: 'mine?' })).status).toBe(404);
    expect((await call(alice, 'POST', `/v1/requests/${alices.id}/comments`, { text: 'When will it arrive?' })).body.comments).toEqual([expect.objectContaining({ seq: 1, by: 'alice', text: 'When will it arrive?' })]);
    expect((await call(mary, 'GET', `/v1/requests/${alices.id}`)).status).toBe(200);

    const bobList = (await call(bob, 'GET', `/v1/requests?requesterId=alice`)).body.items;
    expect(bobList.map((listed) => listed.id)).toEqual([bobs.id]);
    const aliceList = (await call(alice, 'GET', '/v1/requests?limit=2')).body.items;
    expect(aliceList.map((listed) => listed.requesterId)).toEqual(['alice', 'alice']);
    expect(aliceList[0]).toMatchObject({ id: alices.id, state: 'awaiting_approval', comments: [{ text: 'When will it arrive?' }] });
    expect((await call(agent, 'GET', '/v1/requests?requesterId=bob')).body.items.map((listed) => listed.id)).toEqual([bobs.id]);
  });

  it('fires the delivery clock warnings and breach through the sweep, once each', async () => {
    const request = await submit(alice, mouse);
    const submittedAt = Date.parse(request.submittedAt);
    const changeRequest = app.get(ChangeRequest);
    expect(await changeRequest.advanceSlas(request.id, new Date(submittedAt + 30 * 60_000))).toBe(false);
    expect(await changeRequest.advanceSlas(request.id, new Date(submittedAt + 46 * 60_000))).toBe(true);
    expect(await changeRequest.advanceSlas(request.id, new Date(submittedAt + 61 * 60_000))).toBe(true);
    expect(await changeRequest.advanceSlas(request.id, new Date(submittedAt + 62 * 60_000))).toBe(false);
    const stored = await db.collection('service_requests').findOne({ _id: request.id as never });
    expect(stored).toMatchObject({ slaBreached: true, version: 3 });
    expect(stored?.slaTicking).toBeUndefined();
    const breach = await tap.waitFor((message) => message.body.subject === request.id && message.body.type === SLA_BREACHED_V1.type);
    expect(breach.body.data).toMatchObject({ recordType: 'request', recordId: request.id, number: request.number, slaId: mouse, name: 'Delivery of Mouse', recordVersion: 3 });
  });

  it('fires a delivery warning through the sweep\'s slot walk, which reads by slot, not by range; the backfill gives an older request its slot', async () => {
    const requests = db.collection('service_requests');
    // The app's own start-up backfill first (in the background; slow on a loaded machine): running after the
    // slot is taken away below, it would give it back, and the walk would find the "older" request.
    await eventually(() => db.collection(MIGRATIONS_COLLECTION).findOne({ _id: REQUEST_SLA_DUE_SLOT_MIGRATION as never }), (marker) => marker !== null, { what: 'the start-up slot backfill' });
    const request = await submit(alice, mouse);
    const older = await submit(alice, mouse);
    // As a request stored before the slot existed: the range lookup would find it, the slot walk cannot.
    await requests.updateOne({ _id: older.id as never }, { $unset: { slaDueSlot: '' } });
    const stored = await requests.findOne({ _id: request.id as never });
    const due = stored?.slaNextDueAt as Date;
    expect(stored).toMatchObject({ slaTicking: true, slaDueSlot: dueSlotOf(due), version: 1 }); // the 75 % warning of the mouse's 60 minutes
    const olderDue = ((await requests.findOne({ _id: older.id as never }))?.slaNextDueAt as Date).getTime();
    expect(olderDue - due.getTime()).toBeLessThan(5_000);

    // A sweep of its own, so its walk starts here: the first pass is the catch-up (nothing due yet), the next walks the 7 slots since.
    const sweep = new RequestSlaSweep(app.get(ServiceRequestRepository), app.get(ChangeRequest), { slaSweepMs: HOUR });
    await sweep.pass(new Date(due.getTime() - 60_000));
    expect((await requests.findOne({ _id: request.id as never }))?.version).toBe(1);
    await sweep.pass(new Date(due.getTime() + 5_000));
    expect(await requests.findOne({ _id: request.id as never })).toMatchObject({ version: 2, slaBreached: false });
    const warning = await tap.waitFor((message) => message.body.subject === request.id && message.body.type === SLA_WARNING_V1.type);
    expect(warning.body.data).toMatchObject({ recordType: 'request', recordId: request.id, percent: 75, recordVersion: 2 });
    // Due as well, but slotless: left to the catch-up (the next one is minutes away).
    expect((await requests.findOne({ _id: older.id as never }))?.version).toBe(1);

    await db.collection(MIGRATIONS_COLLECTION).deleteOne({ _id: REQUEST_SLA_DUE_SLOT_MIGRATION as never });
    expect(await app.get(ServiceRequestFieldsBackfill).backfillSlaDueSlots()).toBe(1);
    expect((await requests.findOne({ _id: older.id as never }))?.slaDueSlot).toBe(dueSlotOf(olderDue));
    expect(await app.get(ServiceRequestFieldsBackfill).backfillSlaDueSlots()).toBe(0);
    await sweep.onApplicationShutdown();
  });

  function bea(): Principal {
    return user('bea');
  }
});
