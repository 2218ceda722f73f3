import { PrerequisiteMissingError, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { CALENDAR_CHANGED_V1, CATALOGUE_ITEM_DEFINED_V1, CatalogueState, SERVICE_PUBLISHED_V1, SERVICE_REVISED_V1, SERVICE_WITHDRAWN_V1, SLA_DEFINED_V1, SlaDefinedV1 } from '@itsm/contracts/design';
import { officeHoursCalendar, testServers, uniqueDatabaseName } from '@itsm/testing';
import mongoose, { Connection } from 'mongoose';
import { BusinessCalendarRepository } from '../persistence/business-calendar.repository';
import { BusinessCalendarRecord, BusinessCalendarSchema } from '../persistence/business-calendar.schema';
import { CatalogueItemRepository } from '../persistence/catalogue-item.repository';
import { CatalogueItemRecord, CatalogueItemSchema } from '../persistence/catalogue-item.schema';
import { CatalogueServiceRepository } from '../persistence/catalogue-service.repository';
import { CatalogueServiceRecord, CatalogueServiceSchema } from '../persistence/catalogue-service.schema';
import { PUBLISHED_SERVICE_TTL_MS, PublishedServiceCatalog } from '../published-services/published-service-catalog';
import { SlaDefinitionRepository } from '../persistence/sla-definition.repository';
import { SlaDefinitionRecord, SlaDefinitionSchema } from '../persistence/sla-definition.schema';
import { ServiceLevelCatalog } from '../service-level-catalog/service-level-catalog';
import { RecordDesignDefinitions } from './record-design-definitions.use-case';

const P1_INCIDENTS: Omit<SlaDefinedV1, 'slaId' | 'version'> = {
  name: 'P1 incidents',
  kind: 'sla',
  appliesTo: { recordType: 'incident', priorities: [1] },
  targets: { responseMinutes: 15, resolutionMinutes: 240 },
  conditions: { start: ['new'], pause: ['on_hold'], resume: ['in_progress'], stop: ['resolved', 'closed'], reset: [], cancel: ['cancelled'] },
  warningThresholds: [50, 75, 90],
};

/** Integration: operation's copy of design's calendars and service levels, against the real MongoDB-wire server. */
describe('RecordDesignDefinitions and ServiceLevelCatalog (real database)', () => {
  const { mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('operation_service_levels');
  let connection: Connection;
  let record: RecordDesignDefinitions;
  let catalog: ServiceLevelCatalog;
  let definitions: SlaDefinitionRepository;
  let services: PublishedServiceCatalog;
  let itemVersions: CatalogueItemRepository;
  let serviceVersions: CatalogueServiceRepository;

  const calendarChanged = (calendarId: string, version: number, holidays: Array<{ date: string; name: string }> = []) => {
    const { name, definition } = officeHoursCalendar(`calendar ${calendarId}`);
    return createCloudEvent(CALENDAR_CHANGED_V1, calendarId, { calendarId, version, name, definition: { ...definition, holidays } }, { service: 'design' });
  };
  /** P1 incidents, 24x7 unless `overrides` names a calendar. */
  const slaDefined = (slaId: string, version: number, overrides: Partial<SlaDefinedV1> = {}) =>
    createCloudEvent(SLA_DEFINED_V1, slaId, { ...P1_INCIDENTS, slaId, version, ...overrides }, { service: 'design' });
  const stored = async (collection: string) => connection.collection(collection).countDocuments();

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    const definitionModel = connection.model<SlaDefinitionRecord>(SlaDefinitionRecord.name, SlaDefinitionSchema);
    const calendarModel = connection.model<BusinessCalendarRecord>(BusinessCalendarRecord.name, BusinessCalendarSchema);
    const serviceModel = connection.model<CatalogueServiceRecord>(CatalogueServiceRecord.name, CatalogueServiceSchema);
    const itemModel = connection.model<CatalogueItemRecord>(CatalogueItemRecord.name, CatalogueItemSchema);
    await Promise.all([definitionModel.init(), calendarModel.init(), serviceModel.init(), itemModel.init()]);
    definitions = new SlaDefinitionRepository(definitionModel);
    const calendars = new BusinessCalendarRepository(calendarModel);
    serviceVersions = new CatalogueServiceRepository(serviceModel);
    itemVersions = new CatalogueItemRepository(itemModel);
    record = new RecordDesignDefinitions(calendars, definitions, serviceVersions, itemVersions);
    services = new PublishedServiceCatalog(serviceVersions);
    catalog = new ServiceLevelCatalog(definitions, calendars);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('indexes each collection by definition id and version, the key of its reads', async () => {
    const keys = async (collection: string) => (await connection.collection(collection).indexes()).map((index) => index.key);
    expect(await keys('sla_definitions')).toContainEqual({ slaId: 1, version: 1 });
    expect(await keys('business_calendars')).toContainEqual({ calendarId: 1, version: 1 });
    expect(await keys('catalogue_services')).toContainEqual({ serviceId: 1, version: 1 });
    expect(await keys('catalogue_items')).toContainEqual({ itemId: 1, version: 1 });
  });

  it("keeps every version of a catalogue item whole, as a request reads it, and the service owner from the service's events", async () => {
    const itemId = uuidV7();
    const serviceId = uuidV7();
    const item = (version: number, deliveryTargetMinutes: number) =>
      createCloudEvent(
        CATALOGUE_ITEM_DEFINED_V1,
        itemId,
        {
          itemId,
          version,
          serviceId,
          name: 'Laptop',
          description: 'A laptop',
          category: 'hardware',
          keywords: ['notebook'],
          form: [{ key: 'model', label: 'Model', type: 'choice' as const, required: true, allowedValues: ['standard', 'developer'] }],
          approvals: [{ approver: 'manager' as const }, { approver: 'group' as const, ref: 'Hardware board' }],
          fulfilmentGroup: 'Desktop',
          deliveryTargetMinutes,
          active: true,
        },
        { service: 'design' },
      );
    expect(await record.itemDefined(item(2, 960))).toBe('stored');
    expect(await record.itemDefined(item(1, 480))).toBe('stored');
    expect(await record.itemDefined(item(2, 960))).toBe('already-stored');
    expect(await itemVersions.current(itemId)).toMatchObject({ version: 2, deliveryTargetMinutes: 960, fulfilmentGroup: 'Desktop', approvals: [{ approver: 'manager' }, { approver: 'group', ref: 'Hardware board' }] });
    expect(await itemVersions.version(itemId, 1)).toMatchObject({ deliveryTargetMinutes: 480, form: [{ key: 'model', allowedValues: ['standard', 'developer'] }] });
    expect(await itemVersions.current(itemId)).not.toHaveProperty('keywords');

    const { name, description, type } = { name: 'Workplace', description: 'Laptops and desks', type: 'business' as const };
    await record.serviceChanged(createCloudEvent(SERVICE_PUBLISHED_V1, serviceId, { serviceId, version: 1, name, description, type, ownerId: 'otto', offerings: [], capacityTargets: [], state: 'published' }, { service: 'design' }));
    expect(await serviceVersions.current(serviceId)).toMatchObject({ ownerId: 'otto', state: 'published' });
  });

  it('builds the model from the events: a definition applies with its calendar', async () => {
    const calendarId = uuidV7();
    const slaId = uuidV7();
    expect(await record.calendarChanged(calendarChanged(calendarId, 1))).toBe('stored');
    expect(await record.slaDefined(slaDefined(slaId, 1, { calendarId, calendarVersion: 1, name: 'P1 resolution' }))).toBe('stored');

    const applicable = await catalog.applicable({ recordType: 'incident', priority: 1 });
    const found = applicable.find((level) => level.definition.slaId === slaId);
    expect(found?.definition).toMatchObject({ slaId, version: 1, name: 'P1 resolution', kind: 'sla', calendarId, calendarVersion: 1, targets: { responseMinutes: 15, resolutionMinutes: 240 } });
    expect(found?.calendar).toMatchObject({ calendarId, version: 1, definition: { timeZone: 'Europe/Berlin' } });
    expect((await catalog.applicable({ recordType: 'incident', priority: 2 })).some((level) => level.definition.slaId === slaId)).toBe(false);
  });

  it('stores a redelivered or replayed version once', async () => {
    const calendarId = uuidV7();
    const slaId = uuidV7();
    const event = slaDefined(slaId, 1);
    const before = await stored('sla_definitions');
    expect(await record.calendarChanged(calendarChanged(calendarId, 1))).toBe('stored');
    expect(await record.calendarChanged(calendarChanged(calendarId, 1))).toBe('already-stored');
    expect(await record.slaDefined(event)).toBe('stored');
    expect(await record.slaDefined(event)).toBe('already-stored');
    // A replay is the same version under a new event id.
    expect(await record.slaDefined(slaDefined(slaId, 1))).toBe('already-stored');
    expect(await stored('sla_definitions')).toBe(before + 1);
  });

  it('keeps the newest version current when an older one arrives after it, and keeps the older one for lookups', async () => {
    const slaId = uuidV7();
    await record.slaDefined(slaDefined(slaId, 2, { name: 'revised', targets: { responseMinutes: 10, resolutionMinutes: 120 } }));
    expect(await record.slaDefined(slaDefined(slaId, 1, { name: 'original' }))).toBe('stored');

    expect(await catalog.currentDefinition(slaId)).toMatchObject({ version: 2, name: 'revised' });
    expect(await catalog.definition(slaId, 1)).toMatchObject({ version: 1, name: 'original', targets: { resolutionMinutes: 240 } });
    expect(await catalog.definition(slaId, 3)).toBeNull();
    const applicable = (await catalog.applicable({ recordType: 'incident', priority: 1 })).filter((level) => level.definition.slaId === slaId);
    expect(applicable.map((level) => level.definition.version)).toEqual([2]);
  });

  it('stores versions sent at once by several instances once each', async () => {
    const slaId = uuidV7();
    const outcomes = await Promise.all([1, 1, 2, 2, 1, 2].map((version) => record.slaDefined(slaDefined(slaId, version))));
    expect(outcomes.filter((outcome) => outcome === 'stored')).toHaveLength(2);
    expect((await connection.collection('sla_definitions').find({ slaId }).toArray()).map((entry) => entry['version']).sort()).toEqual([1, 2]);
  });

  it("reads the current version's scope, not an older one's", async () => {
    const slaId = uuidV7();
    await record.slaDefined(slaDefined(slaId, 1, { appliesTo: { recordType: 'incident', priorities: [1] } }));
    await record.slaDefined(slaDefined(slaId, 2, { appliesTo: { recordType: 'incident', priorities: [3], serviceIds: ['email'] } }));
    const covers = async (priority: 1 | 3, serviceId?: string) =>
      (await catalog.applicable({ recordType: 'incident', priority, serviceId })).some((level) => level.definition.slaId === slaId);
    expect(await covers(1)).toBe(false);
    expect(await covers(3)).toBe(false);
    expect(await covers(3, 'email')).toBe(true);
  });

  it('holds a definition back until its calendar has arrived (the queue retries it)', async () => {
    const calendarId = uuidV7();
    const slaId = uuidV7();
    const early = slaDefined(slaId, 1, { calendarId, calendarVersion: 1 });
    await expect(record.slaDefined(early)).rejects.toBeInstanceOf(PrerequisiteMissingError);
    expect(await catalog.currentDefinition(slaId)).toBeNull();

    await record.calendarChanged(calendarChanged(calendarId, 1));
    expect(await record.slaDefined(early)).toBe('stored');
  });

  it('gives new clocks the current calendar and keeps every version for running ones', async () => {
    const calendarId = uuidV7();
    const slaId = uuidV7();
    await record.calendarChanged(calendarChanged(calendarId, 1));
    await record.slaDefined(slaDefined(slaId, 1, { calendarId, calendarVersion: 1, appliesTo: { recordType: 'incident', serviceIds: [slaId] } }));
    await record.calendarChanged(calendarChanged(calendarId, 2, [{ date: '2026-12-24', name: 'Heiligabend' }]));

    const [applicable] = await catalog.applicable({ recordType: 'incident', priority: 4, serviceId: slaId });
    expect(applicable?.calendar).toMatchObject({ calendarId, version: 2, definition: { holidays: [{ date: '2026-12-24', name: 'Heiligabend' }] } });
    expect(await catalog.calendar(calendarId, 1)).toMatchObject({ version: 1, definition: { holidays: [] } });
    expect(await catalog.currentCalendar(calendarId)).toMatchObject({ version: 2 });
  });

  it('orders what applies SLA, OLA, UC, then by name; a definition without a calendar runs 24x7', async () => {
    const serviceId = uuidV7();
    const scope = { recordType: 'incident' as const, serviceIds: [serviceId] };
    const ids = { uc: uuidV7(), olaB: uuidV7(), olaA: uuidV7(), sla: uuidV7() };
    await record.slaDefined(slaDefined(ids.uc, 1, { kind: 'uc', name: 'vendor', appliesTo: scope }));
    await record.slaDefined(slaDefined(ids.olaB, 1, { kind: 'ola', name: 'network', appliesTo: scope }));
    await record.slaDefined(slaDefined(ids.olaA, 1, { kind: 'ola', name: 'desktop', appliesTo: scope }));
    await record.slaDefined(slaDefined(ids.sla, 1, { kind: 'sla', name: 'customer', appliesTo: scope }));

    const applicable = await catalog.applicable({ recordType: 'incident', priority: 5, serviceId });
    expect(applicable.map((level) => level.definition.slaId)).toEqual([ids.sla, ids.olaA, ids.olaB, ids.uc]);
    expect(applicable.every((level) => level.calendar === undefined && level.definition.calendarId === undefined)).toBe(true);
    expect(await connection.collection('sla_definitions').countDocuments({ slaId: ids.uc, calendarId: null })).toBe(1);
    expect(await connection.collection('sla_definitions').countDocuments({ slaId: ids.uc, calendarId: { $exists: true } })).toBe(0);
  });

  describe('catalogue services (what intake accepts)', () => {
    const serviceEvent = (definition: typeof SERVICE_PUBLISHED_V1, serviceId: string, version: number, state: CatalogueState) =>
      createCloudEvent(definition, serviceId, { serviceId, version, state, name: 'E-mail', description: 'Mail for everyone', type: 'business', ownerId: 'owner-1', offerings: [], capacityTargets: [] }, { service: 'design' });

    it('knows a service as published from its published event until it is withdrawn; a revision keeps it published', async () => {
      const serviceId = uuidV7();
      // Each read a remembered "published" apart: every answer is read from the copy.
      let now = Date.now();
      const isPublished = () => services.isPublished(serviceId, (now += PUBLISHED_SERVICE_TTL_MS));
      expect(await isPublished()).toBe(false);
      expect(await record.serviceChanged(serviceEvent(SERVICE_PUBLISHED_V1, serviceId, 3, 'published'))).toBe('stored');
      expect(await isPublished()).toBe(true);
      expect(await record.serviceChanged(serviceEvent(SERVICE_REVISED_V1, serviceId, 4, 'published'))).toBe('stored');
      expect(await isPublished()).toBe(true);
      expect(await record.serviceChanged(serviceEvent(SERVICE_WITHDRAWN_V1, serviceId, 5, 'withdrawn'))).toBe('stored');
      expect(await isPublished()).toBe(false);
    });

    it('stores a redelivered version once, and a publication that arrives after the withdrawal does not make the service published again', async () => {
      const serviceId = uuidV7();
      expect(await record.serviceChanged(serviceEvent(SERVICE_WITHDRAWN_V1, serviceId, 4, 'withdrawn'))).toBe('stored');
      expect(await record.serviceChanged(serviceEvent(SERVICE_PUBLISHED_V1, serviceId, 3, 'published'))).toBe('stored');
      expect(await record.serviceChanged(serviceEvent(SERVICE_PUBLISHED_V1, serviceId, 3, 'published'))).toBe('already-stored');
      expect(await services.isPublished(serviceId)).toBe(false);
      expect(await connection.collection('catalogue_services').countDocuments({ serviceId })).toBe(2);
    });

    it('answers "published" from memory for a second at most: a withdrawal applies within PUBLISHED_SERVICE_TTL_MS', async () => {
      const serviceId = uuidV7();
      const now = Date.now();
      await record.serviceChanged(serviceEvent(SERVICE_PUBLISHED_V1, serviceId, 3, 'published'));
      expect(await services.isPublished(serviceId, now)).toBe(true);
      await record.serviceChanged(serviceEvent(SERVICE_WITHDRAWN_V1, serviceId, 4, 'withdrawn'));
      expect(await services.isPublished(serviceId, now + PUBLISHED_SERVICE_TTL_MS - 1)).toBe(true);
      expect(await services.isPublished(serviceId, now + PUBLISHED_SERVICE_TTL_MS)).toBe(false);
    });

    it('never keeps a "no": a service published right after a refusal is accepted at once', async () => {
      const serviceId = uuidV7();
      const now = Date.now();
      expect(await services.isPublished(serviceId, now)).toBe(false);
      await record.serviceChanged(serviceEvent(SERVICE_PUBLISHED_V1, serviceId, 3, 'published'));
      expect(await services.isPublished(serviceId, now + 1)).toBe(true);
    });

    it('does not take a draft revision for a published service', async () => {
      const serviceId = uuidV7();
      await record.serviceChanged(serviceEvent(SERVICE_REVISED_V1, serviceId, 2, 'draft'));
      expect(await services.isPublished(serviceId)).toBe(false);
    });
  });
});
