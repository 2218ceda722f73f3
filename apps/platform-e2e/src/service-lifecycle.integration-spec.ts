import { ITSM_EVENTS_EXCHANGE } from '@itsm/contracts';
import { SERVICE_DRAFTED_V1, SERVICE_PUBLISHED_V1, SERVICE_WITHDRAWN_V1 } from '@itsm/contracts/design';
import { SERVICE_CHARTERED_V1, SERVICE_RETIRED_V1 } from '@itsm/contracts/strategy';
import { EventTap, PlatformUnderTest, eventually, testServers } from '@itsm/testing';
import { connect } from 'amqplib';

interface ServiceView {
  id: string;
  version: number;
  state: string;
}

/** A service's life across strategy and design, as deployed: portfolio decisions reach the catalogue by events only. */
describe('service lifecycle end to end: charter, draft, publish, request, retire, withdraw', () => {
  const { amqpUrl } = testServers();
  const tokens = { portfolio: '', owner: '', otherOwner: '', admin: '', requester: '' };
  let platform: PlatformUnderTest;
  let tap: EventTap;

  const call = async (method: string, route: string, as: keyof typeof tokens, body?: unknown) => {
    const response = await platform.fetch(method, route, tokens[as], body);
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> & { errors?: Array<{ field: string }> } };
  };
  const fieldsOf = (response: { body: { errors?: Array<{ field: string }> } }) => (response.body.errors ?? []).map((error) => error.field);

  const office = [{ start: '08:00', end: '18:00' }];
  const supportHours = {
    name: 'Support hours (Berlin)',
    definition: {
      timeZone: 'Europe/Berlin',
      weeklyHours: { monday: office, tuesday: office, wednesday: office, thursday: office, friday: office, saturday: [], sunday: [] },
      holidays: [
        { date: '2026-12-24', name: 'Heiligabend' },
        { date: '2026-12-25', name: 'Weihnachten' },
        { date: '2027-01-01', name: 'Neujahr' },
      ],
    },
  };
  const slaFor = (priority: number, resolutionMinutes: number, calendarId: string) => ({
    name: `Email P${priority}`,
    kind: 'sla',
    appliesTo: { recordType: 'incident', priorities: [priority] },
    calendarId,
    targets: { responseMinutes: Math.max(1, resolutionMinutes / 8), resolutionMinutes },
    conditions: { start: ['new'], pause: ['on_hold'], resume: ['in_progress'], stop: ['resolved', 'closed'], reset: [], cancel: ['cancelled'] },
    warningThresholds: [50, 75, 90],
  });

  const propose = (name: string, type: 'business' | 'technical') =>
    call('POST', '/api/v1/portfolio/services', 'portfolio', { name, description: `${name}, as the business uses it`, type, ownerId: 'owner-1', businessCase: 'Consolidates three legacy tools' });
  /** Proposes and charters a service, then waits for design's draft of it. */
  const charterToDraft = async (name: string, type: 'business' | 'technical'): Promise<ServiceView> => {
    const proposed = await propose(name, type);
    expect(proposed.status).toBe(201);
    const id = proposed.body.id as string;
    expect((await call('POST', `/api/v1/portfolio/services/${id}/charter`, 'portfolio', { reason: 'Approved by the portfolio board' })).status).toBe(200);
    const draft = await eventually(() => call('GET', `/api/v1/services/${id}`, 'owner'), (response) => response.status === 200, { timeoutMs: 15_000, what: `a draft of ${name} in the catalogue` });
    return draft.body as unknown as ServiceView;
  };

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['strategy', 'design'], 'lifecycle');
    tokens.portfolio = await platform.token('pm-1', ['portfolio_manager']);
    tokens.owner = await platform.token('owner-1', ['service_owner']);
    tokens.otherOwner = await platform.token('owner-2', ['service_owner']);
    tokens.admin = await platform.token('admin-1', ['administrator']);
    tokens.requester = await platform.token('req-1', ['requester']);
    tap = await EventTap.open(amqpUrl, 'itsm.#');
  });

  afterAll(async () => {
    await platform?.stop();
    await tap?.close();
  });

  it('builds a small real catalogue from the portfolio, lets requesters find it, and withdraws it on retirement', async () => {
    // Strategy: a proposal enters the pipeline; the charter records approver and reason and reaches design as an event.
    const email = await charterToDraft('Email', 'business');
    const mailPlatform = await charterToDraft('Mail platform', 'technical');
    expect(email).toMatchObject({ state: 'draft', version: 1, name: 'Email', type: 'business', ownerId: 'owner-1', offerings: [] });
    expect(mailPlatform).toMatchObject({ state: 'draft', type: 'technical' });
    const portfolio = await call('GET', `/api/v1/portfolio/services/${email.id}`, 'portfolio');
    expect(portfolio.body).toMatchObject({ state: 'catalogue', history: [{ to: 'pipeline', by: 'pm-1' }, { from: 'pipeline', to: 'catalogue', by: 'pm-1', reason: 'Approved by the portfolio board' }] });
    const chartered = await tap.waitFor((message) => message.routingKey === SERVICE_CHARTERED_V1.type && message.body.subject === email.id);
    expect(chartered.body).toMatchObject({ source: '/itsm/strategy', actorid: 'pm-1', data: { serviceId: email.id, state: 'catalogue', step: { by: 'pm-1' } } });

    // Drafts are for catalogue managers only.
    expect((await call('GET', `/api/v1/services/${email.id}`, 'requester')).status).toBe(404);
    expect((await call('GET', '/api/v1/services', 'requester')).body.items).toEqual([]);
    expect((await call('GET', '/api/v1/services?state=draft', 'requester')).status).toBe(403);

    // Design: an SLA per priority on a business calendar with holidays, an offering that carries them, targets.
    const calendar = await call('POST', '/api/v1/calendars', 'owner', supportHours);
    expect(calendar.status).toBe(201);
    const slaIds: string[] = [];
    for (const [priority, minutes] of [[1, 240], [2, 480], [3, 1_440], [4, 2_880]] as const) {
      const sla = await call('POST', '/api/v1/slas', 'owner', slaFor(priority, minutes, calendar.body.id as string));
      expect(sla.status).toBe(201);
      slaIds.push(sla.body.id as string);
    }
    const definition = {
      name: 'Email',
      description: 'Corporate mail, calendars and shared mailboxes',
      type: 'business',
      ownerId: 'owner-1',
      supportGroup: 'messaging',
      criticality: 'high',
      offerings: [
        { code: 'standard', name: 'Mailbox 50 GB', slaIds },
        { code: 'shared', name: 'Shared mailbox', description: 'For teams', slaIds: slaIds.slice(1) },
      ],
      availability: {
        targetPercent: 99.9,
        maintenanceWindows: [{ name: 'Sunday patching', timeZone: 'Europe/Berlin', days: ['sunday'], start: '02:00', durationMinutes: 180 }],
      },
      capacityTargets: [{ metric: 'mailboxes', unit: 'mailboxes', limit: 5_000, warnAtPercent: 80 }],
    };
    const completed = await call('PUT', `/api/v1/services/${email.id}`, 'owner', { ...definition, expectedVersion: 1 });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ version: 2, state: 'draft', criticality: 'high', availability: { targetPercent: 99.9 } });

    expect((await call('POST', `/api/v1/services/${email.id}/publish`, 'owner', { expectedVersion: 1 })).status).toBe(409);
    const published = await call('POST', `/api/v1/services/${email.id}/publish`, 'owner', { expectedVersion: 2 });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: 'published', version: 3 });

    // A plain outside subscriber on itsm.events receives the publication with the whole definition.
    const publication = await tap.waitFor((message) => message.routingKey === SERVICE_PUBLISHED_V1.type && message.body.subject === email.id);
    expect(publication.contentType).toBe('application/cloudevents+json');
    expect(publication.body).toMatchObject({
      source: '/itsm/design',
      actorid: 'owner-1',
      data: { serviceId: email.id, version: 3, state: 'published', supportGroup: 'messaging', offerings: [{ code: 'standard', slaIds }, { code: 'shared' }] },
    });

    // A requestable item with a typed form and approvals; requesters find it by searching.
    const item = await call('POST', '/api/v1/catalogue/items', 'owner', {
      serviceId: email.id,
      offeringCode: 'shared',
      name: 'Shared mailbox',
      description: 'A mailbox the whole team reads',
      category: 'Email',
      keywords: ['team inbox', 'functional mailbox'],
      form: [
        { key: 'address', label: 'Address', type: 'email', required: true },
        { key: 'members', label: 'Members', type: 'textarea', required: true, maxLength: 2_000 },
        { key: 'size', label: 'Size', type: 'choice', required: true, allowedValues: ['10 GB', '50 GB'] },
      ],
      approvals: [{ approver: 'manager' }, { approver: 'service_owner' }],
      fulfilmentGroup: 'messaging',
      deliveryTargetMinutes: 960,
      active: true,
    });
    expect(item.status).toBe(201);
    expect(item.headers.get('location')).toBe(`/api/v1/catalogue/items/${item.body.id as string}`);
    expect(item.body).toMatchObject({ version: 1, requestable: true });
    const found = await call('GET', '/api/v1/catalogue/items?q=TEAM%20mailbox', 'requester');
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([expect.objectContaining({ id: item.body.id, requestable: true, approvals: [{ approver: 'manager' }, { approver: 'service_owner' }] })]);
    expect((await call('GET', '/api/v1/catalogue/items?q=printer', 'requester')).body.items).toEqual([]);
    expect((await call('GET', '/api/v1/services', 'requester')).body.items).toEqual([expect.objectContaining({ id: email.id, state: 'published' })]);

    // A redelivered charter must not reset the published service.
    await republish(chartered.body);
    await designCaughtUp();
    expect((await call('GET', `/api/v1/services/${email.id}`, 'owner')).body).toMatchObject({ state: 'published', version: 3 });
    expect(tap.messages.filter((message) => message.routingKey === SERVICE_DRAFTED_V1.type && message.body.subject === email.id)).toHaveLength(1);

    // Strategy retires it; design withdraws it, and it can no longer be found or requested.
    const retired = await call('POST', `/api/v1/portfolio/services/${email.id}/retire`, 'portfolio', { reason: 'Replaced by the collaboration suite' });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ state: 'retired' });
    await tap.waitFor((message) => message.routingKey === SERVICE_RETIRED_V1.type && message.body.subject === email.id);
    const withdrawal = await tap.waitFor((message) => message.routingKey === SERVICE_WITHDRAWN_V1.type && message.body.subject === email.id);
    expect(withdrawal.body).toMatchObject({ actorid: 'pm-1', data: { state: 'withdrawn', version: 4 } });
    expect((await call('GET', `/api/v1/services/${email.id}`, 'owner')).body).toMatchObject({ state: 'withdrawn' });
    expect((await call('GET', `/api/v1/services/${email.id}`, 'requester')).status).toBe(404);
    expect((await call('GET', '/api/v1/catalogue/items?q=mailbox', 'requester')).body.items).toEqual([]);
    expect((await call('GET', `/api/v1/catalogue/items/${item.body.id as string}`, 'owner')).body).toMatchObject({ requestable: false });
    const onWithdrawn = await call('POST', '/api/v1/catalogue/items', 'owner', { ...item.body, id: undefined, version: undefined, requestable: undefined, createdAt: undefined, updatedAt: undefined });
    expect(onWithdrawn.status).toBe(400);
    expect(fieldsOf(onWithdrawn)).toEqual(['serviceId']);
    expect((await call('POST', `/api/v1/portfolio/services/${email.id}/retire`, 'portfolio', { reason: 'again' })).status).toBe(409);
  });

  it('abandons a proposal without touching the catalogue, and refuses out-of-order decisions', async () => {
    const proposal = await propose('Fax gateway', 'technical');
    const id = proposal.body.id as string;
    const abandoned = await call('POST', `/api/v1/portfolio/services/${id}/retire`, 'portfolio', { reason: 'No demand left' });
    expect(abandoned.body).toMatchObject({ state: 'retired', history: [{ to: 'pipeline' }, { from: 'pipeline', to: 'retired', reason: 'No demand left' }] });
    await tap.waitFor((message) => message.routingKey === SERVICE_RETIRED_V1.type && message.body.subject === id);
    expect((await call('POST', `/api/v1/portfolio/services/${id}/charter`, 'portfolio', { reason: 'late' })).status).toBe(409);
    await designCaughtUp();
    expect((await call('GET', `/api/v1/services/${id}`, 'owner')).status).toBe(404);
    expect(tap.messages.filter((message) => message.body.subject === id && message.routingKey.startsWith('itsm.design.'))).toEqual([]);
    expect((await call('GET', '/api/v1/portfolio/services?state=retired', 'portfolio')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id })]));
  });

  it('names what is wrong with a service or an item, and what a draft lacks to be published', async () => {
    const draft = await charterToDraft('Printing', 'business');
    const publish = await call('POST', `/api/v1/services/${draft.id}/publish`, 'owner', { expectedVersion: 1 });
    expect(publish.status).toBe(409);
    expect(publish.body.detail).toContain('supportGroup and criticality');

    const bad = await call('PUT', `/api/v1/services/${draft.id}`, 'owner', {
      name: 'Printing',
      description: 'Print',
      type: 'business',
      ownerId: 'owner-1',
      criticality: 'extreme',
      offerings: [
        { code: 'a4', name: 'A4', slaIds: ['01a20e2a-fed4-7197-a433-736b13a7a69e'] },
        { code: 'a4', name: 'A4 again', slaIds: [] },
      ],
      availability: { targetPercent: 101, maintenanceWindows: [{ name: 'nightly', timeZone: 'Mars/Olympus', days: ['someday'], start: '25:00', durationMinutes: 60 }] },
      capacityTargets: [],
      expectedVersion: 1,
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(
      expect.arrayContaining([
        'criticality',
        'availability.targetPercent',
        'availability.maintenanceWindows.0.timeZone',
        'availability.maintenanceWindows.0.days',
        'availability.maintenanceWindows.0.start',
      ]),
    );
    const incoherent = await call('PUT', `/api/v1/services/${draft.id}`, 'owner', {
      name: 'Printing',
      description: 'Print',
      type: 'business',
      ownerId: 'owner-1',
      offerings: [
        { code: 'a4', name: 'A4', slaIds: ['01a20e2a-fed4-7197-a433-736b13a7a69e'] },
        { code: 'a4', name: 'A4 again', slaIds: [] },
      ],
      capacityTargets: [],
      expectedVersion: 1,
    });
    expect(incoherent.status).toBe(400);
    expect(fieldsOf(incoherent)).toEqual(['offerings', 'offerings.0.slaIds']);

    const item = await call('POST', '/api/v1/catalogue/items', 'owner', {
      serviceId: draft.id,
      offeringCode: 'colour',
      name: 'Printer access',
      description: 'Access to a floor printer',
      category: 'Printing',
      keywords: [],
      form: [{ key: 'floor', label: 'Floor', type: 'choice', required: true }],
      approvals: [{ approver: 'user' }],
      fulfilmentGroup: 'print',
      deliveryTargetMinutes: 60,
      active: true,
    });
    expect(item.status).toBe(400);
    expect(fieldsOf(item)).toEqual(expect.arrayContaining(['offeringCode', 'form.0.allowedValues', 'approvals.0.ref']));
  });

  it('lets portfolio managers decide, service owners shape the catalogue, and requesters only browse', async () => {
    const proposal = await propose('Video conferencing', 'business');
    const id = proposal.body.id as string;
    expect((await call('POST', `/api/v1/portfolio/services/${id}/charter`, 'owner', { reason: 'mine' })).status).toBe(403);
    expect((await call('POST', '/api/v1/portfolio/services', 'requester', { name: 'x', description: 'x', type: 'business', ownerId: 'x' })).status).toBe(403);
    expect((await call('GET', '/api/v1/portfolio/services', 'requester')).status).toBe(403);
    expect((await call('GET', '/api/v1/catalogue/items?includeUnrequestable=true', 'requester')).status).toBe(403);
    expect((await call('GET', '/api/v1/catalogue/items?includeUnrequestable=true', 'owner')).status).toBe(200);
    expect((await call('POST', '/api/v1/catalogue/items', 'portfolio', {})).status).toBe(403);
  });

  it('lets a service owner shape only the services they own; administrators shape any', async () => {
    const draft = await charterToDraft('Telephony', 'business');
    const completed = { name: 'Telephony', description: 'Desk and mobile phones', type: 'business', ownerId: 'owner-1', supportGroup: 'voice', criticality: 'medium', offerings: [], capacityTargets: [] };
    const item = {
      serviceId: draft.id,
      name: 'Mobile phone',
      description: 'A company mobile phone',
      category: 'Telephony',
      keywords: [],
      form: [],
      approvals: [{ approver: 'manager' }],
      fulfilmentGroup: 'voice',
      deliveryTargetMinutes: 2_400,
      active: true,
    };
    const denied = await call('PUT', `/api/v1/services/${draft.id}`, 'otherOwner', { ...completed, expectedVersion: 1 });
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toContain('only the owner of Telephony');
    expect((await call('POST', `/api/v1/services/${draft.id}/publish`, 'otherOwner', { expectedVersion: 1 })).status).toBe(403);
    expect((await call('POST', '/api/v1/catalogue/items', 'otherOwner', item)).status).toBe(403);
    const unknownService = await call('POST', '/api/v1/catalogue/items', 'otherOwner', { ...item, serviceId: '01a20e2a-fed4-7197-a433-736b13a7a69e' });
    expect(unknownService.status).toBe(400);
    expect(fieldsOf(unknownService)).toEqual(['serviceId']);

    expect((await call('PUT', `/api/v1/services/${draft.id}`, 'admin', { ...completed, expectedVersion: 1 })).status).toBe(200);
    const created = await call('POST', '/api/v1/catalogue/items', 'owner', item);
    expect(created.status).toBe(201);
    expect((await call('PUT', `/api/v1/catalogue/items/${created.body.id as string}`, 'otherOwner', { ...item, active: false, expectedVersion: 1 })).status).toBe(403);
    expect((await call('PUT', `/api/v1/catalogue/items/${created.body.id as string}`, 'owner', { ...item, active: false, expectedVersion: 1 })).status).toBe(200);
  });

  /** Design has handled what was published before: a charter sent now has reached the catalogue (the queue is FIFO). */
  async function designCaughtUp(): Promise<void> {
    await charterToDraft(`Marker ${Date.now()}`, 'technical');
  }

  /** Publishes a copy of an event exactly as received, as a broker redelivery would. */
  async function republish(event: Record<string, unknown>): Promise<void> {
    const connection = await connect(amqpUrl);
    const channel = await connection.createConfirmChannel();
    channel.publish(ITSM_EVENTS_EXCHANGE, event.type as string, Buffer.from(JSON.stringify(event)), { contentType: 'application/cloudevents+json', persistent: true, messageId: event.id as string });
    await channel.waitForConfirms();
    await connection.close();
  }
});
