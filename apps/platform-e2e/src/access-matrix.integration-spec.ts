import { RECORD_TYPES, RecordType, isAllowed, policyNamed, recordReach } from '@itsm/access';
import { ROLES, Role } from '@itsm/contracts';
import { ALL_BACKENDS, BackendApp, PlatformUnderTest, eventually, internalToken } from '@itsm/testing';

/** What the matrix made of one record type: where its content could show up, and the content itself. */
interface MadeRecord {
  /** Audit subjects of its events (the record's id). */
  subjects: string[];
  /** The user who made it, whose audit trail lists it. */
  actorId: string;
  /** Its own read routes, the single-record one first. */
  routes: string[];
  /** Field values found in no other record: none of them may reach a caller refused the type. */
  values: string[];
}

interface AuditPage {
  items: Array<{ subject: string; summary?: Record<string, unknown>; summaryFields?: unknown; redacted?: unknown }>;
}

/**
 * For every record type and every role that may read the audit trail but not (all of) that type,
 * no route returns any field value of such a record: not its own read routes (403 or 404), and not
 * the audit trail by subject or by actor, which shows such entries with ids and field names only.
 * Roles and types come from @itsm/access, so the matrix grows with the policy table; the record
 * table below is typed by record type, so a new type does not compile without a record made here.
 */
describe('access matrix: no route returns a record to a role refused its type', () => {
  const run = `mx${Date.now().toString(36)}`;
  /** A value no other record (nor any id or timestamp) can contain. */
  const distinct = (what: string) => `${run}-${what}`;
  let platform: PlatformUnderTest;
  const tokens = new Map<string, string>();
  let made: Record<RecordType, MadeRecord>;

  const auditReaders = ROLES.filter((role) => isAllowed({ userId: role, roles: [role], groups: [] }, policyNamed('audit.read')));
  const reachOf = (role: Role, recordType: RecordType) => recordReach({ userId: `matrix-${role}`, roles: [role], groups: [] }, recordType);
  const read = async (route: string, role: Role) => {
    const response = await platform.fetch('GET', route, tokens.get(role) ?? '');
    return { status: response.status, text: await response.text() };
  };
  const auditRoutes = (record: MadeRecord) => [...record.subjects.map((subject) => `/api/v1/audit-records?subject=${encodeURIComponent(subject)}&limit=200`), `/api/v1/audit-records?actorId=${record.actorId}&limit=200`];

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(ALL_BACKENDS, 'matrix');
    for (const role of ROLES) tokens.set(role, await platform.token(`matrix-${role}`, [role]));
    made = await makeOneRecordOfEveryType();
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('has the audit trail of every record before it checks who sees it (administrators read every type in full)', async () => {
    for (const recordType of RECORD_TYPES) {
      const record = made[recordType];
      for (const route of auditRoutes(record).slice(0, 1)) {
        await eventually(
          () => read(route, 'administrator'),
          (answer) => answer.status === 200 && record.values.every((value) => answer.text.includes(value)),
          { what: `the audit trail of the ${recordType} with its content, for an administrator` },
        );
      }
    }
  });

  it('gives every role that may read a type the summary of its records in the audit trail', async () => {
    for (const recordType of RECORD_TYPES) {
      for (const role of auditReaders.filter((reader) => reachOf(reader, recordType) === 'all')) {
        const answer = await read(auditRoutes(made[recordType])[0] ?? '', role);
        const missing = made[recordType].values.filter((value) => !answer.text.includes(value));
        expect({ recordType, role, status: answer.status, missing }).toEqual({ recordType, role, status: 200, missing: [] });
      }
    }
  });

  it('returns no field value of a record to a role refused its type, on any route', async () => {
    const refusals = RECORD_TYPES.flatMap((recordType) => auditReaders.filter((role) => reachOf(role, recordType) !== 'all').map((role) => ({ recordType, role })));
    // The table must put some record types out of some audit readers' reach, or this test proves nothing.
    expect(refusals.length).toBeGreaterThan(0);
    const leaks: Array<{ recordType: RecordType; role: Role; route: string; status: number; leaked: string[] }> = [];
    const ownRouteAnswers: Array<{ recordType: RecordType; role: Role; status: number }> = [];
    for (const { recordType, role } of refusals) {
      const record = made[recordType];
      for (const route of [...auditRoutes(record), ...record.routes]) {
        const answer = await read(route, role);
        const leaked = record.values.filter((value) => answer.text.includes(value));
        if (leaked.length > 0) leaks.push({ recordType, role, route, status: answer.status, leaked });
        if (route === record.routes[0]) ownRouteAnswers.push({ recordType, role, status: answer.status });
      }
    }
    expect(leaks).toEqual([]);
    expect(ownRouteAnswers.filter(({ status }) => status !== 403 && status !== 404)).toEqual([]);
  });

  it('shows a refused role the entries of such records with ids and the names of the changed fields only', async () => {
    for (const recordType of RECORD_TYPES) {
      for (const role of auditReaders.filter((reader) => reachOf(reader, recordType) !== 'all')) {
        const answer = await read(auditRoutes(made[recordType])[0] ?? '', role);
        expect({ recordType, role, status: answer.status }).toEqual({ recordType, role, status: 200 });
        const redacted = (JSON.parse(answer.text) as AuditPage).items.filter((item) => item.redacted === true);
        expect({ recordType, role, redacted: redacted.length > 0 }).toEqual({ recordType, role, redacted: true });
        for (const item of redacted) {
          expect(item.summary).toBeUndefined();
          expect(Array.isArray(item.summaryFields) && item.summaryFields.length > 0).toBe(true);
        }
      }
    }
  });

  describe('the owning services decide, whoever calls them (straight to a service, past the gateway)', () => {
    const direct = async (backend: BackendApp, method: string, route: string, caller: { sub: string; roles: Role[] }, body?: unknown) => {
      const response = await fetch(`${platform.backendUrl(backend)}${route}`, {
        method,
        headers: { 'x-itsm-principal': await internalToken(caller), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> & { items?: Array<Record<string, unknown>> } };
    };
    const otherRequester = { sub: 'matrix-other-requester', roles: ['requester'] as Role[] };
    const otherOwner = { sub: 'matrix-other-owner', roles: ['service_owner'] as Role[] };

    it('operation reads a requester only the incidents they reported, and nobody without the right any', async () => {
      const id = made.incident.subjects[0] ?? '';
      expect((await direct('operation', 'GET', `/v1/incidents/${id}`, { sub: 'matrix-reporter', roles: ['requester'] })).status).toBe(200);
      expect((await direct('operation', 'GET', `/v1/incidents/${id}`, otherRequester)).status).toBe(404);
      const listed = await direct('operation', 'GET', '/v1/incidents?callerId=matrix-reporter&limit=200', otherRequester);
      expect(listed).toEqual({ status: 200, body: { items: [], nextCursor: null } });
      expect((await direct('operation', 'GET', `/v1/incidents/${id}`, { sub: 'matrix-so', roles: ['service_owner'] })).status).toBe(403);
    });

    it('design shows drafts only to catalogue managers, and lets only its owner or an administrator change a service or its items', async () => {
      const serviceId = made['catalogue-service'].subjects[0] ?? '';
      const itemId = made['catalogue-item'].subjects[0] ?? '';
      const changeManager = { sub: 'matrix-cm', roles: ['change_manager'] as Role[] };
      expect((await direct('design', 'GET', `/v1/services/${serviceId}`, changeManager)).status).toBe(404);
      expect((await direct('design', 'GET', `/v1/services/${serviceId}`, otherOwner)).status).toBe(200);
      expect((await direct('design', 'GET', '/v1/services?state=draft', changeManager)).status).toBe(403);
      expect((await direct('design', 'GET', '/v1/services', changeManager)).body.items?.map((service) => service.id)).not.toContain(serviceId);
      expect((await direct('design', 'GET', `/v1/catalogue/items/${itemId}`, otherRequester)).status).toBe(404);
      expect((await direct('design', 'GET', '/v1/catalogue/items?includeUnrequestable=true', otherRequester)).status).toBe(403);

      const definition = { name: 'Taken over', description: 'by another owner', type: 'business', ownerId: otherOwner.sub, offerings: [], capacityTargets: [] };
      const item = { serviceId, name: 'Taken over', description: 'by another owner', category: 'Matrix', keywords: [], form: [], approvals: [], fulfilmentGroup: 'other', deliveryTargetMinutes: 60, active: true };
      const refused = [
        await direct('design', 'PUT', `/v1/services/${serviceId}`, otherOwner, { ...definition, expectedVersion: 2 }),
        await direct('design', 'POST', `/v1/services/${serviceId}/publish`, otherOwner, { expectedVersion: 2 }),
        await direct('design', 'POST', '/v1/catalogue/items', otherOwner, item),
        await direct('design', 'PUT', `/v1/catalogue/items/${itemId}`, otherOwner, { ...item, expectedVersion: 1 }),
      ];
      expect(refused.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
      expect((await direct('design', 'GET', `/v1/services/${serviceId}`, otherOwner)).body).toMatchObject({ version: 2, ownerId: 'matrix-owner' });
    });

    it('audit shows a caller refused a type the names of the changed fields only', async () => {
      const answer = await direct('audit', 'GET', `/v1/audit-records?subject=${made.incident.subjects[0] ?? ''}`, { sub: 'matrix-so', roles: ['service_owner'] });
      expect(answer.status).toBe(200);
      expect(answer.body.items).toEqual([expect.objectContaining({ redacted: true, summaryFields: expect.arrayContaining(['title', 'description']) as unknown })]);
      expect(JSON.stringify(answer.body)).not.toContain(made.incident.values[0]);
    });
  });

  /** One record of every type, through the public API, each with values of its own. */
  async function makeOneRecordOfEveryType(): Promise<Record<RecordType, MadeRecord>> {
    const actors = { reporter: 'matrix-reporter', owner: 'matrix-owner', portfolio: 'matrix-pm', incidentManager: 'matrix-im', problemManager: 'matrix-prm', configurationManager: 'matrix-config', changeManager: 'matrix-change-manager', administrator: 'matrix-admin' } as const;
    const as = {
      administrator: await platform.token(actors.administrator, ['administrator']),
      reporter: await platform.token(actors.reporter, ['requester']),
      incidentManager: await platform.token(actors.incidentManager, ['incident_manager']),
      problemManager: await platform.token(actors.problemManager, ['problem_manager']),
      owner: await platform.token(actors.owner, ['service_owner']),
      portfolio: await platform.token(actors.portfolio, ['portfolio_manager']),
      configurationManager: await platform.token(actors.configurationManager, ['configuration_manager']),
      changeManager: await platform.token(actors.changeManager, ['change_manager']),
    };
    const send = async (method: string, route: string, who: keyof typeof as, body: unknown, expected: number) => {
      const response = await platform.fetch(method, route, as[who], body);
      const text = await response.text();
      if (response.status !== expected) throw new Error(`${method} ${route}: expected ${expected}, got ${response.status}: ${text}`);
      return JSON.parse(text) as { id: string };
    };

    const incidentValues = [distinct('incident title: payroll export fails'), distinct('incident description: the export stops at row 4711')];
    const incident = await send('POST', '/api/v1/incidents', 'reporter', { title: incidentValues[0], description: incidentValues[1], impact: 3, urgency: 2 }, 202);
    await eventually(
      () => platform.fetch('GET', `/api/v1/incidents/${incident.id}`, as.reporter),
      (response) => response.status === 200,
      { what: 'the incident to be stored' },
    );

    const office = [{ start: '08:00', end: '18:00' }];
    const calendarValues = [distinct('calendar name'), distinct('calendar holiday')];
    const calendar = await send(
      'POST',
      '/api/v1/calendars',
      'owner',
      {
        name: calendarValues[0],
        definition: {
          timeZone: 'Europe/Berlin',
          weeklyHours: { monday: office, tuesday: office, wednesday: office, thursday: office, friday: office, saturday: [], sunday: [] },
          holidays: [{ date: '2031-12-24', name: calendarValues[1] }],
        },
      },
      201,
    );

    const slaValues = [distinct('service level name')];
    const sla = await send(
      'POST',
      '/api/v1/slas',
      'owner',
      {
        name: slaValues[0],
        kind: 'sla',
        appliesTo: { recordType: 'incident', priorities: [1] },
        calendarId: calendar.id,
        targets: { responseMinutes: 30, resolutionMinutes: 240 },
        conditions: { start: ['new'], pause: ['on_hold'], resume: ['in_progress'], stop: ['resolved', 'closed'], reset: [], cancel: ['cancelled'] },
        warningThresholds: [50, 75, 90],
      },
      201,
    );

    const portfolioValues = [distinct('portfolio name'), distinct('portfolio description'), distinct('portfolio business case'), distinct('charter reason')];
    const service = await send(
      'POST',
      '/api/v1/portfolio/services',
      'portfolio',
      { name: portfolioValues[0], description: portfolioValues[1], type: 'business', ownerId: actors.owner, businessCase: portfolioValues[2] },
      201,
    );
    await send('POST', `/api/v1/portfolio/services/${service.id}/charter`, 'portfolio', { reason: portfolioValues[3] }, 200);

    // The catalogue's draft starts as a copy of the portfolio's proposal; its own values come with the owner's revision.
    await eventually(
      () => platform.fetch('GET', `/api/v1/services/${service.id}`, as.owner),
      (response) => response.status === 200,
      { timeoutMs: 15_000, what: 'the draft of the chartered service in the catalogue' },
    );
    const catalogueValues = [distinct('catalogue name'), distinct('catalogue description'), distinct('support group'), distinct('offering name')];
    await send(
      'PUT',
      `/api/v1/services/${service.id}`,
      'owner',
      {
        name: catalogueValues[0],
        description: catalogueValues[1],
        type: 'business',
        ownerId: actors.owner,
        supportGroup: catalogueValues[2],
        criticality: 'low',
        offerings: [{ code: 'standard', name: catalogueValues[3], slaIds: [sla.id] }],
        capacityTargets: [],
        expectedVersion: 1,
      },
      200,
    );

    const itemValues = [distinct('item name'), distinct('item description'), distinct('item keyword'), distinct('fulfilment group')];
    const item = await send(
      'POST',
      '/api/v1/catalogue/items',
      'owner',
      {
        serviceId: service.id,
        offeringCode: 'standard',
        name: itemValues[0],
        description: itemValues[1],
        category: 'Matrix',
        keywords: [itemValues[2]],
        form: [],
        approvals: [{ approver: 'manager' }],
        fulfilmentGroup: itemValues[3],
        deliveryTargetMinutes: 480,
        active: true,
      },
      201,
    );

    const demandValues = [distinct('demand title'), distinct('requested capability'), distinct('demanding business unit')];
    const demand = await send(
      'POST',
      '/api/v1/demands',
      'portfolio',
      {
        title: demandValues[0],
        requestedCapability: demandValues[1],
        businessUnit: demandValues[2],
        expectedVolume: { quantity: 300, unit: 'users', per: 'year' },
        neededBy: '2031-09-01',
        serviceIds: [service.id],
      },
      201,
    );

    const costModelValues = [distinct('cost item'), '7771.23'];
    await send('PUT', `/api/v1/finance/cost-models/${service.id}`, 'portfolio', { items: [{ name: costModelValues[0], category: 'hardware', kind: 'fixed', amount: costModelValues[1], per: 'year' }] }, 201);

    const budgetValues = ['8882.34'];
    const budget = await send('PUT', `/api/v1/finance/budgets/${service.id}/2031`, 'portfolio', { amount: budgetValues[0] }, 201);

    const costValues = [distinct('invoice description'), '6663.45'];
    const cost = await send('POST', '/api/v1/finance/costs', 'portfolio', { serviceId: service.id, category: 'other', amount: costValues[1], incurredOn: '2031-02-03', description: costValues[0] }, 201);

    const consumptionValues = [distinct('consuming business unit')];
    const consumption = await send('POST', '/api/v1/finance/consumption', 'portfolio', { serviceId: service.id, businessUnit: consumptionValues[0], month: '2031-02', units: 17 }, 201);

    const groupValues = [distinct('assignment group name'), distinct('assignment group description'), distinct('group member')];
    const group = await send('POST', '/api/v1/assignment-groups', 'incidentManager', { name: groupValues[0], description: groupValues[1], memberIds: [groupValues[2]], active: true }, 201);

    const ruleValues = [distinct('routing rule name'), distinct('routing category')];
    const rule = await send('POST', '/api/v1/routing-rules', 'incidentManager', { name: ruleValues[0], order: 10, category: ruleValues[1], groupId: group.id, active: true }, 201);

    const problemValues = [distinct('problem title'), distinct('problem description')];
    const problem = await send(
      'POST',
      '/api/v1/problems',
      'problemManager',
      { title: problemValues[0], description: problemValues[1], configurationItemIds: [], impact: 2, urgency: 2, resolveLinkedIncidents: false },
      201,
    );

    const knownErrorValues = [distinct('known error title'), distinct('known error symptom'), distinct('known error root cause'), distinct('known error workaround')];
    const knownError = await send(
      'POST',
      '/api/v1/known-errors',
      'problemManager',
      { problemId: problem.id, title: knownErrorValues[0], symptom: knownErrorValues[1], rootCause: knownErrorValues[2], workaround: knownErrorValues[3], serviceIds: [], configurationItemIds: [] },
      201,
    );
    // A major incident is an incident's procedure, under the incident's id: an incident of its own, so the
    // incident's audit trail above holds the incident alone; the values are the procedure's (the proposal's reason).
    const outage = await send('POST', '/api/v1/incidents', 'reporter', { title: 'matrix outage', impact: 1, urgency: 1 }, 202);
    await eventually(
      () => platform.fetch('GET', `/api/v1/incidents/${outage.id}`, as.reporter),
      (response) => response.status === 200,
      { what: 'the outage incident to be stored' },
    );
    const majorValues = [distinct('major incident proposal reason')];
    await send('POST', `/api/v1/incidents/${outage.id}/major-incident`, 'incidentManager', { reason: majorValues[0] }, 201);

    const classValues = [distinct('ci class name'), distinct('ci class description')];
    const ciClass = await send('POST', '/api/v1/cmdb/classes', 'configurationManager', { key: `matrix_${run}`.slice(0, 50), name: classValues[0], description: classValues[1], attributes: [{ name: 'rack', type: 'string', required: false }] }, 201);

    const ciValues = [distinct('configuration item name'), distinct('configuration item rack')];
    const ci = await send('POST', '/api/v1/cmdb/items', 'configurationManager', { classKey: `matrix_${run}`.slice(0, 50), name: ciValues[0], lifecycleState: 'operational', attributes: { rack: ciValues[1] } }, 201);
    const otherCi = await send('POST', '/api/v1/cmdb/items', 'configurationManager', { classKey: 'server', name: distinct('other configuration item'), lifecycleState: 'operational', attributes: {} }, 201);
    // A relationship holds ids and its type only, none of them its own: no value of its own to look for.
    const relationship = await send('POST', '/api/v1/cmdb/relationships', 'configurationManager', { type: 'runs_on', fromItemId: ci.id, toItemId: otherCi.id }, 201);

    const changeValues = [distinct('change title'), distinct('change description')];
    const change = await send('POST', '/api/v1/changes', 'changeManager', { type: 'normal', title: changeValues[0], description: changeValues[1], changeGroupId: 'matrix-group' }, 201);

    const templateValues = [distinct('change template name'), distinct('change template plan')];
    const template = await send(
      'POST',
      '/api/v1/change-templates',
      'changeManager',
      { name: templateValues[0], description: 'Matrix', plans: { implementation: templateValues[1] }, itemIds: [], active: true },
      201,
    );

    const boardValues = [distinct('cab member')];
    await send('PUT', '/api/v1/change-boards/cab', 'changeManager', { memberIds: [boardValues[0]], rule: { kind: 'all' } }, 200);

    const freezeValues = [distinct('freeze name'), distinct('freeze reason')];
    const freeze = await send(
      'POST',
      '/api/v1/change-calendar/freezes',
      'changeManager',
      { name: freezeValues[0], reason: freezeValues[1], window: { start: '2031-12-20T00:00:00.000Z', end: '2032-01-02T00:00:00.000Z' }, itemIds: [] },
      201,
    );

    // Maintenance windows name an item of the CMDB.
    const maintenanceItem = (await send('POST', '/api/v1/cmdb/items', 'configurationManager', { classKey: 'server', name: distinct('maintained item'), lifecycleState: 'operational', attributes: {} }, 201)).id;
    const maintenanceValues = [distinct('maintenance window')];
    await send(
      'PUT',
      `/api/v1/change-calendar/maintenance-windows/${maintenanceItem}`,
      'changeManager',
      { windows: [{ name: maintenanceValues[0], timeZone: 'UTC', days: ['sunday'], start: '02:00', durationMinutes: 120 }] },
      200,
    );

    const releaseValues = [distinct('release name')];
    const release = await send('POST', '/api/v1/releases', 'changeManager', { name: releaseValues[0], changeIds: [change.id] }, 201);


    // A request: an item of a published service (a service of its own: the one above stays a draft, which only
    // catalogue managers see), its fulfilment group in operation, the requester's manager on record.
    const requestService = await send('POST', '/api/v1/portfolio/services', 'portfolio', { name: `${run} requested service`, description: 'matrix', type: 'business', ownerId: actors.owner, businessCase: 'matrix' }, 201);
    await send('POST', `/api/v1/portfolio/services/${requestService.id}/charter`, 'portfolio', { reason: 'matrix' }, 200);
    await eventually(
      () => platform.fetch('GET', `/api/v1/services/${requestService.id}`, as.owner),
      (response) => response.status === 200,
      { timeoutMs: 15_000, what: 'the draft of the requested service in the catalogue' },
    );
    await send(
      'PUT',
      `/api/v1/services/${requestService.id}`,
      'owner',
      { name: `${run} requested service`, description: 'matrix', type: 'business', ownerId: actors.owner, supportGroup: 'matrix', criticality: 'low', offerings: [], capacityTargets: [], expectedVersion: 1 },
      200,
    );
    await send('POST', `/api/v1/services/${requestService.id}/publish`, 'owner', { expectedVersion: 2 }, 200);
    const lineValues = [distinct('line manager')];
    await send('PUT', '/api/v1/reporting-lines', 'administrator', { userId: actors.reporter, managerId: lineValues[0] }, 200);
    const requestable = await send(
      'POST',
      '/api/v1/catalogue/items',
      'owner',
      { serviceId: requestService.id, name: `${run} requestable`, description: 'matrix', category: 'Matrix', keywords: [], form: [{ key: 'purpose', label: 'Purpose', type: 'text', required: true }], approvals: [{ approver: 'manager' }], fulfilmentGroup: groupValues[0], deliveryTargetMinutes: 480, active: true },
      201,
    );
    const requestValues = [distinct('request purpose')];
    // Design's item reaches operation by its event: until then the item is unknown there (400).
    const requested = await eventually(
      async () => {
        const response = await platform.fetch('POST', '/api/v1/requests', as.reporter, { itemId: requestable.id, answers: [{ key: 'purpose', value: requestValues[0] }] });
        return { status: response.status, body: (await response.json()) as { id: string } };
      },
      (answer) => answer.status === 201,
      { timeoutMs: 15_000, what: 'the request for the item, once the item has reached operation' },
    );


    const sourceValues = [distinct('alert source name'), distinct('alert source description')];
    const source = (await send('POST', '/api/v1/alert-sources', 'administrator', { name: sourceValues[0], description: sourceValues[1] }, 201)) as { id: string; credential?: string };

    // A rule no alert of the matrix matches, so its alert makes no incident (whose readers differ from the alerts').
    const alertRuleValues = [distinct('alert rule name'), distinct('alert rule category')];
    const alertRule = await send(
      'POST',
      '/api/v1/alert-rules',
      'incidentManager',
      { name: alertRuleValues[0], order: 10, severities: [], labels: [{ label: 'matrix', values: [distinct('never')] }], createIncident: true, impact: 3, urgency: 3, autoResolve: false, category: alertRuleValues[1], active: true },
      201,
    );

    const alertValues = [distinct('alert name'), distinct('alert severity')];
    const sent = await platform.fetch('POST', '/api/v1/alerts', source.credential ?? '', { status: 'firing', name: alertValues[0], severity: alertValues[1], startsAt: '2031-02-03T10:00:00Z' });
    if (sent.status !== 202) throw new Error(`POST /api/v1/alerts: expected 202, got ${sent.status}: ${await sent.text()}`);
    const sourceActor = `alert-source:${source.id}`;
    const alertAudit = await eventually(
      async () => (await (await platform.fetch('GET', `/api/v1/audit-records?actorId=${sourceActor}&limit=200`, as.administrator)).json()) as AuditPage,
      (page) => page.items.length > 0,
      { what: 'the alert to be taken in' },
    );


    return {
      alert: { subjects: [alertAudit.items[0]?.subject ?? ''], actorId: sourceActor, routes: [], values: alertValues },
      'alert-rule': { subjects: [alertRule.id], actorId: actors.incidentManager, routes: [`/api/v1/alert-rules/${alertRule.id}`, '/api/v1/alert-rules?limit=200'], values: alertRuleValues },
      'alert-source': { subjects: [source.id], actorId: actors.administrator, routes: [`/api/v1/alert-sources/${source.id}`, '/api/v1/alert-sources?limit=200'], values: sourceValues },
      request: { subjects: [requested.body.id], actorId: actors.reporter, routes: [`/api/v1/requests/${requested.body.id}`, '/api/v1/requests?limit=200'], values: requestValues },
      'reporting-line': { subjects: [actors.reporter], actorId: actors.administrator, routes: [`/api/v1/reporting-lines?userId=${actors.reporter}`], values: lineValues },
      change: { subjects: [change.id], actorId: actors.changeManager, routes: [`/api/v1/changes/${change.id}`, '/api/v1/changes?limit=200'], values: changeValues },
      'change-template': {
        subjects: [template.id],
        actorId: actors.changeManager,
        routes: [`/api/v1/change-templates/${template.id}`, '/api/v1/change-templates?limit=200'],
        values: templateValues,
      },
      'change-board': { subjects: ['cab'], actorId: actors.changeManager, routes: ['/api/v1/change-boards/cab'], values: boardValues },
      'freeze-window': {
        subjects: [freeze.id],
        actorId: actors.changeManager,
        routes: [`/api/v1/change-calendar/freezes/${freeze.id}`, '/api/v1/change-calendar?from=2031-12-01T00:00:00.000Z&to=2032-01-31T00:00:00.000Z'],
        values: freezeValues,
      },
      'maintenance-window': {
        subjects: [maintenanceItem],
        actorId: actors.changeManager,
        routes: [`/api/v1/change-calendar/maintenance-windows/${maintenanceItem}`],
        values: maintenanceValues,
      },
      release: { subjects: [release.id], actorId: actors.changeManager, routes: [`/api/v1/releases/${release.id}`, '/api/v1/releases?limit=200'], values: releaseValues },
      'ci-class': { subjects: [ciClass.id], actorId: actors.configurationManager, routes: [`/api/v1/cmdb/classes/${ciClass.id}`, '/api/v1/cmdb/classes?limit=200'], values: classValues },
      'configuration-item': {
        subjects: [ci.id],
        actorId: actors.configurationManager,
        routes: [`/api/v1/cmdb/items/${ci.id}`, '/api/v1/cmdb/items?limit=200', `/api/v1/cmdb/items/${otherCi.id}/impact`],
        values: ciValues,
      },
      'ci-relationship': { subjects: [relationship.id], actorId: actors.configurationManager, routes: [`/api/v1/cmdb/relationships/${relationship.id}`], values: [] },
      problem: { subjects: [problem.id], actorId: actors.problemManager, routes: [`/api/v1/problems/${problem.id}`, '/api/v1/problems?limit=200'], values: problemValues },
      'known-error': {
        subjects: [knownError.id],
        actorId: actors.problemManager,
        routes: [`/api/v1/known-errors/${knownError.id}`, `/api/v1/known-errors?problemId=${problem.id}`],
        values: knownErrorValues,
      },
      'assignment-group': {
        subjects: [group.id],
        actorId: actors.incidentManager,
        routes: [`/api/v1/assignment-groups/${group.id}`, '/api/v1/assignment-groups?limit=200'],
        values: groupValues,
      },
      'routing-rule': { subjects: [rule.id], actorId: actors.incidentManager, routes: [`/api/v1/routing-rules/${rule.id}`, '/api/v1/routing-rules?limit=200'], values: ruleValues },
      incident: { subjects: [incident.id], actorId: actors.reporter, routes: [`/api/v1/incidents/${incident.id}`, '/api/v1/incidents?limit=200'], values: incidentValues },
      'major-incident': {
        subjects: [outage.id],
        actorId: actors.incidentManager,
        routes: [`/api/v1/major-incidents/${outage.id}`, '/api/v1/major-incidents?limit=200'],
        values: majorValues,
      },
      calendar: { subjects: [calendar.id], actorId: actors.owner, routes: [`/api/v1/calendars/${calendar.id}`, '/api/v1/calendars'], values: calendarValues },
      'service-level': { subjects: [sla.id], actorId: actors.owner, routes: [`/api/v1/slas/${sla.id}`, '/api/v1/slas'], values: slaValues },
      'portfolio-service': {
        subjects: [service.id],
        actorId: actors.portfolio,
        routes: [`/api/v1/portfolio/services/${service.id}`, '/api/v1/portfolio/services'],
        values: portfolioValues,
      },
      'catalogue-service': { subjects: [service.id], actorId: actors.owner, routes: [`/api/v1/services/${service.id}`, '/api/v1/services'], values: catalogueValues },
      'catalogue-item': {
        subjects: [item.id],
        actorId: actors.owner,
        routes: [`/api/v1/catalogue/items/${item.id}`, `/api/v1/catalogue/items?q=${encodeURIComponent(run)}`],
        values: itemValues,
      },
      demand: { subjects: [demand.id], actorId: actors.portfolio, routes: [`/api/v1/demands/${demand.id}`, '/api/v1/demands'], values: demandValues },
      'cost-model': { subjects: [service.id], actorId: actors.portfolio, routes: [`/api/v1/finance/cost-models/${service.id}`], values: costModelValues },
      budget: {
        subjects: [budget.id],
        actorId: actors.portfolio,
        routes: [`/api/v1/finance/budgets/${service.id}/2031`, `/api/v1/finance/budgets?serviceId=${service.id}`, '/api/v1/finance/reports/budget-vs-actual?period=2031'],
        values: budgetValues,
      },
      'cost-entry': {
        subjects: [cost.id],
        actorId: actors.portfolio,
        routes: [`/api/v1/finance/costs/${cost.id}`, `/api/v1/finance/costs?serviceId=${service.id}`],
        values: costValues,
      },
      consumption: {
        subjects: [consumption.id],
        actorId: actors.portfolio,
        routes: [`/api/v1/finance/consumption/${consumption.id}`, `/api/v1/finance/consumption?serviceId=${service.id}`, '/api/v1/finance/reports/chargeback?period=2031-02'],
        values: consumptionValues,
      },
    };
  }
});
