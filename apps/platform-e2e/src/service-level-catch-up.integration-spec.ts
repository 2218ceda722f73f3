import { CLOUDEVENTS_CONTENT_TYPE, INCIDENT_INTAKE_QUEUE, ITSM_COMMANDS_EXCHANGE, createCloudEvent, serviceEventsQueue, serviceParkingQueue } from '@itsm/contracts';
import { REPLAY_SERVICE_LEVELS_V1, SERVICE_DRAFTED_V1, SERVICE_WITHDRAWN_V1, SLA_DEFINED_V1 } from '@itsm/contracts/design';
import { AppProcess, EventTap, PlatformUnderTest, deleteQueues, deleteServiceQueues, eventually, freePort, officeHoursCalendar, p1IncidentSla, queueDepth, testServers, uniqueDatabaseName } from '@itsm/testing';
import { connect } from 'amqplib';
import { Db, MongoClient } from 'mongodb';

interface StoredVersion {
  _id: string;
  version: number;
  name: string;
}

/**
 * Operation's copy of design's calendars, service levels and catalogue services, as deployed: an operation started after
 * they were defined (its event queue did not exist, so design's events never reached it) catches up
 * by asking design for a replay at start-up, then follows design's events; so does one whose queue
 * was deleted while it was stopped.
 */
describe('operation catches up on the service levels design defined before it started', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const operationDb = uniqueDatabaseName('sla_catch_up_operation');
  const operationQueue = serviceEventsQueue('operation');
  let platform: PlatformUnderTest;
  let operation: AppProcess | undefined;
  let mongo: MongoClient;
  let db: Db;
  let tap: EventTap;
  let owner = '';
  let portfolio = '';
  const ids = { calendar: '', p1: '', p2: '', p3: '' };

  const call = async (method: string, route: string, body: unknown, token = owner) => {
    const response = await platform.fetch(method, route, token, body);
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as { id: string; version: number };
  };
  const startOperation = async () => {
    const port = await freePort();
    operation = await AppProcess.start('operation', port, { ITSM_OPERATION_PORT: String(port), ITSM_OPERATION_DB: operationDb });
  };
  /** Charters a service in strategy and waits for design's draft of it; `publish` completes and publishes it (version 3). */
  const catalogueService = async (name: string, publish: boolean) => {
    const { id } = await call('POST', '/api/v1/portfolio/services', { name, description: `${name} for everyone`, type: 'business', ownerId: 'owner-1', businessCase: 'Needed' }, portfolio);
    await call('POST', `/api/v1/portfolio/services/${id}/charter`, { reason: 'Approved' }, portfolio);
    await tap.waitFor((message) => message.body.subject === id && message.routingKey === SERVICE_DRAFTED_V1.type);
    if (publish) {
      await call('PUT', `/api/v1/services/${id}`, { name, description: `${name} for everyone`, type: 'business', ownerId: 'owner-1', supportGroup: 'desk', criticality: 'low', offerings: [], capacityTargets: [], expectedVersion: 1 });
      await call('POST', `/api/v1/services/${id}/publish`, { expectedVersion: 2 });
    }
    return id;
  };
  const versions = (collection: 'sla_definitions' | 'business_calendars' | 'catalogue_services') =>
    db.collection<StoredVersion>(collection).find({}, { sort: { _id: 1 } }).toArray();
  const versionsOf = async (collection: 'sla_definitions' | 'business_calendars', id: string) =>
    (await versions(collection)).filter((entry) => entry._id.startsWith(`${id}:`)).map((entry) => entry.version);
  const queueExists = async (queue: string) => {
    const connection = await connect(amqpUrl);
    try {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      return await channel.checkQueue(queue).then(
        () => true,
        () => false,
      );
    } finally {
      await connection.close().catch(() => undefined);
    }
  };

  beforeAll(async () => {
    // No operation queue: whatever design publishes now reaches no operation.
    await deleteServiceQueues(amqpUrl, ['operation']);
    await deleteQueues(amqpUrl, [INCIDENT_INTAKE_QUEUE]);
    platform = await PlatformUnderTest.start(['design', 'strategy'], 'sla_catch_up');
    owner = await platform.token('owner-1', ['service_owner']);
    portfolio = await platform.token('pm-1', ['portfolio_manager']);
    mongo = await MongoClient.connect(mongoUrl);
    db = mongo.db(operationDb);
    tap = await EventTap.open(amqpUrl, 'itsm.design.#');
  });

  afterAll(async () => {
    await operation?.stop();
    await platform?.stop();
    await db?.dropDatabase();
    await mongo?.close();
    await tap?.close();
  });

  it('gets the calendar and both SLAs defined before it started, each current version once', async () => {
    ids.calendar = (await call('POST', '/api/v1/calendars', officeHoursCalendar('Berlin office'))).id;
    ids.p1 = (await call('POST', '/api/v1/slas', p1IncidentSla(ids.calendar))).id;
    ids.p2 = (await call('POST', '/api/v1/slas', { ...p1IncidentSla(ids.calendar), name: 'P2 incidents', appliesTo: { recordType: 'incident', priorities: [2] } })).id;
    // A holiday added after the SLAs: operation must get calendar version 2, the current one.
    const withHoliday = officeHoursCalendar('Berlin office');
    await call('PUT', `/api/v1/calendars/${ids.calendar}`, { ...withHoliday, definition: { ...withHoliday.definition, holidays: [{ date: '2026-12-24', name: 'Heiligabend' }] }, expectedVersion: 1 });
    await tap.waitFor((message) => message.body.subject === ids.p2 && message.routingKey === SLA_DEFINED_V1.type);
    expect(await queueExists(operationQueue)).toBe(false);

    await startOperation();

    await eventually(() => versions('sla_definitions'), (stored) => stored.length === 2, { what: 'both SLAs in operation' });
    expect(await versionsOf('sla_definitions', ids.p1)).toEqual([1]);
    expect(await versionsOf('sla_definitions', ids.p2)).toEqual([1]);
    expect(await db.collection('sla_definitions').findOne({ _id: `${ids.p1}:1` as never })).toMatchObject({
      slaId: ids.p1,
      name: 'P1 incidents',
      kind: 'sla',
      appliesTo: { recordType: 'incident', priorities: [1] },
      calendarId: ids.calendar,
      calendarVersion: 1,
      targets: { responseMinutes: 15, resolutionMinutes: 240 },
    });
    // The replay sends the current calendar; the version 1 it replaced is not replayed.
    expect(await versionsOf('business_calendars', ids.calendar)).toEqual([2]);
    expect(await db.collection('business_calendars').findOne({ _id: `${ids.calendar}:2` as never })).toMatchObject({
      calendarId: ids.calendar,
      definition: { timeZone: 'Europe/Berlin', holidays: [{ date: '2026-12-24', name: 'Heiligabend' }] },
    });
    // Copies went to operation's queue only: subscribers of itsm.events saw each fact once.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tap.messages.filter((message) => message.routingKey === SLA_DEFINED_V1.type && [ids.p1, ids.p2].includes(String(message.body.subject)))).toHaveLength(2);
  });

  it('gets the catalogue services published or withdrawn before it started, each current version once, and no draft', async () => {
    await operation?.stop();
    await deleteServiceQueues(amqpUrl, ['operation']);
    const published = await catalogueService('Email', true);
    const withdrawn = await catalogueService('Fax', true);
    const draft = await catalogueService('Telex', false);
    await call('POST', `/api/v1/portfolio/services/${withdrawn}/retire`, { reason: 'Nobody faxes' }, portfolio);
    await tap.waitFor((message) => message.body.subject === withdrawn && message.routingKey === SERVICE_WITHDRAWN_V1.type);

    await startOperation();

    await eventually(() => versions('catalogue_services'), (stored) => stored.length === 2, { what: 'both services in operation' });
    await eventually(() => queueDepth(amqpUrl, operationQueue), (depth) => depth.messages === 0, { what: "operation's event queue to drain" });
    expect((await versions('catalogue_services')).map((entry) => entry._id).sort()).toEqual([`${published}:3`, `${withdrawn}:4`].sort());
    expect(await db.collection('catalogue_services').findOne({ _id: `${published}:3` as never })).toMatchObject({ serviceId: published, name: 'Email', state: 'published' });
    expect(await db.collection('catalogue_services').findOne({ _id: `${withdrawn}:4` as never })).toMatchObject({ serviceId: withdrawn, state: 'withdrawn' });
    expect(await db.collection('catalogue_services').countDocuments({ serviceId: draft })).toBe(0);
  });

  it('then follows design live: a revision arrives as the next version', async () => {
    await call('PUT', `/api/v1/slas/${ids.p1}`, { ...p1IncidentSla(ids.calendar), name: 'P1 incidents, faster', targets: { responseMinutes: 10, resolutionMinutes: 120 }, expectedVersion: 1 });
    await eventually(() => versionsOf('sla_definitions', ids.p1), (stored) => stored.length === 2, { what: 'P1 version 2 in operation' });
    expect(await versionsOf('sla_definitions', ids.p1)).toEqual([1, 2]);
    expect(await db.collection('sla_definitions').findOne({ _id: `${ids.p1}:2` as never })).toMatchObject({ name: 'P1 incidents, faster', calendarVersion: 2 });
  });

  it('restarted after its queue was deleted, catches up again and stores nothing twice', async () => {
    await operation?.stop();
    await deleteServiceQueues(amqpUrl, ['operation']);
    ids.p3 = (await call('POST', '/api/v1/slas', { ...p1IncidentSla(ids.calendar), name: 'P3 incidents', kind: 'ola', appliesTo: { recordType: 'incident', priorities: [3] } })).id;
    await call('PUT', `/api/v1/slas/${ids.p2}`, { ...p1IncidentSla(ids.calendar), name: 'P2 incidents, revised', appliesTo: { recordType: 'incident', priorities: [2] }, expectedVersion: 1 });

    await startOperation();

    await eventually(() => versions('sla_definitions'), (stored) => stored.length === 5, { what: 'P3 and P2 version 2 in operation' });
    await eventually(() => queueDepth(amqpUrl, operationQueue), (depth) => depth.messages === 0, { what: "operation's event queue to drain" });
    expect((await versions('sla_definitions')).map((entry) => entry._id).sort()).toEqual([`${ids.p1}:1`, `${ids.p1}:2`, `${ids.p2}:1`, `${ids.p2}:2`, `${ids.p3}:1`].sort());
    expect(await versionsOf('business_calendars', ids.calendar)).toEqual([2]);
    expect(await db.collection('sla_definitions').findOne({ _id: `${ids.p3}:1` as never })).toMatchObject({ kind: 'ola', name: 'P3 incidents' });
  });

  it('parks a replay request whose queue does not exist, with the reason, rather than retrying it', async () => {
    const replyTo = 'itsm.nobody-here.events';
    const request = createCloudEvent(REPLAY_SERVICE_LEVELS_V1, replyTo, { replyTo }, { service: 'test' });
    const connection = await connect(amqpUrl);
    try {
      const channel = await connection.createConfirmChannel();
      channel.publish(ITSM_COMMANDS_EXCHANGE, REPLAY_SERVICE_LEVELS_V1.type, Buffer.from(JSON.stringify(request)), { contentType: CLOUDEVENTS_CONTENT_TYPE, messageId: request.id, persistent: true, mandatory: true });
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
    await eventually(async () => platform.logsOf('design'), (logs) => logs.includes(`no queue ${replyTo} to replay the service levels to`), { what: "design's parking monitor to report the request" });
    expect((await queueDepth(amqpUrl, serviceParkingQueue('design'))).messages).toBe(1);
  });
});
