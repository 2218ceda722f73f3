import { CALENDAR_CHANGED_V1, SLA_DEFINED_V1 } from '@itsm/contracts/design';
import { EventTap, PlatformUnderTest, testServers, p1IncidentSla } from '@itsm/testing';

/** Business calendars through the gateway and the design service, as deployed. */
describe('service design end to end: calendars and service levels', () => {
  const { amqpUrl } = testServers();
  const tokens = { owner: '', requester: '' };
  let platform: PlatformUnderTest;
  let tap: EventTap;

  const office = [{ start: '08:00', end: '18:00' }];
  const berlin = {
    timeZone: 'Europe/Berlin',
    weeklyHours: { monday: office, tuesday: office, wednesday: office, thursday: office, friday: office, saturday: [], sunday: [] },
    holidays: [{ date: '2026-12-24', name: 'Heiligabend' }],
  };
  const call = (method: string, route: string, as: keyof typeof tokens, body?: unknown) => platform.fetch(method, route, tokens[as], body);

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['design'], 'design');
    tokens.owner = await platform.token('owner-1', ['service_owner']);
    tokens.requester = await platform.token('req-1', ['requester']);
    tap = await EventTap.open(amqpUrl, 'itsm.design.#');
  });

  afterAll(async () => {
    await platform?.stop();
    await tap?.close();
  });

  it('defines a calendar, publishes its definition, and versions each revision', async () => {
    const created = await call('POST', '/api/v1/calendars', 'owner', { name: 'Berlin office hours', definition: berlin });
    expect(created.status).toBe(201);
    const calendar = (await created.json()) as { id: string; version: number };
    expect(calendar.version).toBe(1);
    expect(created.headers.get('location')).toBe(`/api/v1/calendars/${calendar.id}`);

    const event = await tap.waitFor((message) => message.body.subject === calendar.id);
    expect(event.routingKey).toBe(CALENDAR_CHANGED_V1.type);
    expect(event.body).toMatchObject({ source: '/itsm/design', actorid: 'owner-1', data: { calendarId: calendar.id, version: 1, definition: berlin } });

    const saturdays = { ...berlin, weeklyHours: { ...berlin.weeklyHours, saturday: [{ start: '09:00', end: '13:00' }] } };
    const revised = await call('PUT', `/api/v1/calendars/${calendar.id}`, 'owner', { name: 'Berlin office hours', definition: saturdays, expectedVersion: 1 });
    expect(revised.status).toBe(200);
    expect(await revised.json()).toMatchObject({ version: 2, definition: saturdays });
    await tap.waitFor((message) => message.body.subject === calendar.id && (message.body.data as { version: number }).version === 2);

    const stale = await call('PUT', `/api/v1/calendars/${calendar.id}`, 'owner', { name: 'stale edit', definition: berlin, expectedVersion: 1 });
    expect(stale.status).toBe(409);

    const read = await call('GET', `/api/v1/calendars/${calendar.id}`, 'requester');
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ version: 2, name: 'Berlin office hours' });
  });

  it('names every problem of a bad definition', async () => {
    const bad = {
      timeZone: 'Mars/Olympus_Mons',
      weeklyHours: { ...berlin.weeklyHours, monday: [{ start: '09:00', end: '08:00' }] },
      holidays: [{ date: '2026-02-30', name: 'not a day' }],
    };
    const response = await call('POST', '/api/v1/calendars', 'owner', { name: 'broken', definition: bad });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as { errors: Array<{ field: string }> }).errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['definition.timeZone']));
    expect(fields.some((field) => field.startsWith('definition.weeklyHours.monday'))).toBe(true);
    expect(fields.some((field) => field.startsWith('definition.holidays'))).toBe(true);
  });

  it('lets only service owners and administrators change calendars', async () => {
    expect((await call('POST', '/api/v1/calendars', 'requester', { name: 'x', definition: berlin })).status).toBe(403);
    expect((await call('GET', '/api/v1/calendars', 'requester')).status).toBe(200);
    expect((await call('GET', '/api/v1/calendars/01a20e2a-fed4-7197-a433-736b13a7a69e', 'owner')).status).toBe(404);
  });

  describe('service levels', () => {
    const p1 = p1IncidentSla;
    let calendarId: string;

    beforeAll(async () => {
      calendarId = ((await (await call('POST', '/api/v1/calendars', 'owner', { name: 'Support hours', definition: berlin })).json()) as { id: string }).id;
    });

    it('defines an SLA per priority on a business calendar and publishes it; revisions are new versions', async () => {
      const created = await call('POST', '/api/v1/slas', 'owner', p1(calendarId));
      expect(created.status).toBe(201);
      const sla = (await created.json()) as { id: string };
      expect(sla).toMatchObject({ version: 1, calendarId, calendarVersion: 1, targets: { resolutionMinutes: 240 } });
      const event = await tap.waitFor((message) => message.body.subject === sla.id);
      expect(event.routingKey).toBe(SLA_DEFINED_V1.type);
      expect(event.body).toMatchObject({ actorid: 'owner-1', data: { slaId: sla.id, version: 1, kind: 'sla', warningThresholds: [50, 75, 90] } });

      const revised = await call('PUT', `/api/v1/slas/${sla.id}`, 'owner', { ...p1(calendarId), targets: { responseMinutes: 10, resolutionMinutes: 180 }, expectedVersion: 1 });
      expect(revised.status).toBe(200);
      expect(await revised.json()).toMatchObject({ version: 2, targets: { resolutionMinutes: 180 } });
      expect((await call('GET', `/api/v1/slas/${sla.id}`, 'requester')).status).toBe(200);
    });

    it.each([
      ['an unknown calendar', (id: string) => ({ ...p1(id), calendarId: '01a20e2a-fed4-7197-a433-736b13a7a69e' }), 'calendarId'],
      ['thresholds out of order', (id: string) => ({ ...p1(id), warningThresholds: [90, 50] }), 'warningThresholds'],
      ['a state that starts and stops the clock', (id: string) => ({ ...p1(id), conditions: { ...p1(id).conditions, start: ['new', 'closed'] } }), 'conditions.start'],
      ['an unknown nested field', (id: string) => ({ ...p1(id), targets: { resolutionMinutes: 60, breachPenalty: 100 } }), 'targets.breachPenalty'],
      ['an unknown record state', (id: string) => ({ ...p1(id), conditions: { ...p1(id).conditions, pause: ['waiting'] } }), 'conditions.pause'],
    ])('rejects %s with 400 naming the field', async (_case, body, field) => {
      const response = await call('POST', '/api/v1/slas', 'owner', body(calendarId));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: Array<{ field: string }> }).errors.map((error) => error.field)).toContain(field);
    });

    it('lets only service owners and administrators define service levels', async () => {
      expect((await call('POST', '/api/v1/slas', 'requester', p1(calendarId))).status).toBe(403);
    });
  });
});
