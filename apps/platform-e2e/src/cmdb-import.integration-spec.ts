import { CONFIGURATION_ITEM_REGISTERED_V1, CONFIGURATION_ITEM_REVISED_V1, IMPORT_MAX_ROWS, ImportReportView, RELATIONSHIP_ADDED_V1 } from '@itsm/contracts/transition';
import { EventTap, PlatformUnderTest, eventually, testServers } from '@itsm/testing';

interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: Array<{ field: string; messages: string[] }>;
}

/** The import routes' limit in this suite: small enough to cross with a test's body, far above the other routes' 64 KiB. */
const IMPORT_LIMIT = 1024 * 1024;
const DEFAULT_LIMIT = 64 * 1024;

/**
 * CMDB imports through the gateway on the real transition service, broker and database: their own body
 * limit (ITSM_IMPORT_BODY_LIMIT_BYTES) beside every other route's 64 KiB, the row cap, batches that cross
 * the bulk writes' batches (500 items, 1,000 relationships), repeated and mixed, with one event per fact.
 */
describe('CMDB import end to end: body limits, row cap, batches repeated and mixed, events', () => {
  const { amqpUrl } = testServers();
  let platform: PlatformUnderTest;
  let tap: EventTap;
  let token = '';

  const post = async <T>(route: string, body: unknown): Promise<{ status: number; body: T }> => {
    const response = await platform.fetch('POST', route, token, body);
    return { status: response.status, body: (await response.json()) as T };
  };
  const importItems = (items: object[]) => post<ImportReportView>('/api/v1/cmdb/imports/items', { items });
  const importRelationships = (relationships: object[]) => post<ImportReportView>('/api/v1/cmdb/imports/relationships', { relationships });
  const server = (externalId: string, attributes: Record<string, unknown> = {}, name = externalId) => ({ externalId, classKey: 'server', name, lifecycleState: 'operational', attributes });
  /** Distinct event ids of `type` about `subjects` on the tap. */
  const eventsAbout = (type: string, subjects: ReadonlySet<string>) =>
    new Set(tap.messages.filter(({ routingKey, body }) => routingKey === type && subjects.has(String(body['subject']))).map(({ body }) => String(body['id']))).size;
  const outcomesOf = (report: ImportReportView) => report.rows.map((row) => `${row.row}:${row.outcome}:${(row.issues ?? []).map((issue) => issue.field).join(',')}`);

  beforeAll(async () => {
    platform = await PlatformUnderTest.start(['transition'], 'cmdb-import', { ITSM_IMPORT_BODY_LIMIT_BYTES: String(IMPORT_LIMIT) });
    token = await platform.token('cm-import', ['configuration_manager']);
    tap = await EventTap.open(amqpUrl, 'itsm.transition.#');
  });

  afterAll(async () => {
    await platform?.stop();
    await tap?.close();
  });

  it('takes an import body over 64 KiB up to its own limit, while other routes still refuse one over 64 KiB with 413 naming their limit', async () => {
    const padding = 'x'.repeat(300);
    const items = Array.from({ length: 400 }, (_, index) => server(`big-${index}`, { operating_system: padding }));
    const body = JSON.stringify({ items });
    expect(body.length).toBeGreaterThan(2 * DEFAULT_LIMIT);
    const accepted = await importItems(items);
    expect([accepted.status, accepted.body.created]).toEqual([200, 400]);

    const elsewhere = await post<Problem>('/api/v1/cmdb/items', { ...server('too-big'), attributes: { operating_system: 'y'.repeat(DEFAULT_LIMIT) } });
    expect(elsewhere).toEqual({ status: 413, body: expect.objectContaining({ title: 'Content Too Large', detail: `The body is larger than this route accepts (${DEFAULT_LIMIT} bytes).` }) as unknown });
    const tooLarge = await importItems(Array.from({ length: 4_000 }, (_, index) => server(`huge-${index}`, { operating_system: padding })));
    expect(tooLarge).toEqual({ status: 413, body: expect.objectContaining({ detail: `The body is larger than this route accepts (${IMPORT_LIMIT} bytes).` }) as unknown });

    // The transition service holds the same limits behind the gateway (refused before its token check).
    const direct = (route: string, bytes: number) =>
      fetch(`${platform.backendUrl('transition')}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ csv: 'z'.repeat(bytes) }) });
    expect((await direct('/v1/cmdb/items', DEFAULT_LIMIT)).status).toBe(413);
    expect((await direct('/v1/cmdb/imports/items', 2 * DEFAULT_LIMIT)).status).toBe(401);
  });

  it(`refuses more than ${IMPORT_MAX_ROWS} rows a request, JSON or CSV, with 400 naming the field`, async () => {
    const json = await importItems(Array.from({ length: IMPORT_MAX_ROWS + 1 }, () => ({})));
    expect([json.status, (json.body as unknown as Problem).errors?.map(({ field }) => field)]).toEqual([400, ['items']]);
    const csv = await post<Problem>('/api/v1/cmdb/imports/relationships', { csv: ['type,fromExternalId,toExternalId', ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, index) => `runs_on,a-${index},b`)].join('\n') });
    expect(csv.status).toBe(400);
    expect(csv.body.errors).toEqual([{ field: 'csv', messages: [`at most ${IMPORT_MAX_ROWS} rows a request, this one has ${IMPORT_MAX_ROWS + 1}: import them in several requests`] }]);
  });

  it('imports batches larger than a bulk write, reports the same rows unchanged when repeated, and publishes one event per item and relationship created', async () => {
    const items = Array.from({ length: 1_200 }, (_, index) => server(`batch-srv-${index}`, { cpu_cores: 1 + (index % 8) }));
    const first = await importItems(items);
    expect(first.body).toMatchObject({ created: 1_200, updated: 0, unchanged: 0, refused: 0 });
    const again = await importItems(items);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 1_200, refused: 0 });
    expect(again.body.rows.map((row) => row.id)).toEqual(first.body.rows.map((row) => row.id));

    // Each server hosts the next one and connects to the one after: 2,400 distinct relationships, none to itself.
    const relationships = Array.from({ length: 2_400 }, (_, index) => {
      const [from, step] = [index % 1_200, 1 + Math.floor(index / 1_200)];
      return { type: step === 1 ? 'hosts' : 'connects_to', fromExternalId: `batch-srv-${from}`, toExternalId: `batch-srv-${(from + step) % 1_200}` };
    });
    const related = await importRelationships(relationships);
    expect(related.body).toMatchObject({ created: 2_400, unchanged: 0, refused: 0 });
    const relatedAgain = await importRelationships(relationships);
    expect(relatedAgain.body).toMatchObject({ created: 0, unchanged: 2_400, refused: 0 });
    expect(relatedAgain.body.rows.map((row) => row.id)).toEqual(related.body.rows.map((row) => row.id));

    const itemIds = new Set(first.body.rows.map((row) => row.id as string));
    const relationshipIds = new Set(related.body.rows.map((row) => row.id as string));
    await eventually(
      async () => [eventsAbout(CONFIGURATION_ITEM_REGISTERED_V1.type, itemIds), eventsAbout(RELATIONSHIP_ADDED_V1.type, relationshipIds)],
      ([registered, added]) => registered === 1_200 && added === 2_400,
      { timeoutMs: 30_000, what: 'an event for each item and relationship created' },
    );
    expect(eventsAbout(CONFIGURATION_ITEM_REVISED_V1.type, itemIds)).toBe(0);
  });

  it('reports each row of a mixed batch: created, updated, unchanged, or refused naming the field and why', async () => {
    await importItems([server('mix-same', { cpu_cores: 2 }), server('mix-changed', { cpu_cores: 2 })]);
    // More than 100 rows: the batch inserts first (a first import's way), meeting existing items as duplicates it then reads.
    const fresh = Array.from({ length: 120 }, (_, index) => server(`mix-new-${index}`));
    const rows = [
      server('mix-same', { cpu_cores: 2 }),
      server('mix-changed', { cpu_cores: 4 }),
      server('mix-bad', { cpu_cores: 'four' }),
      { ...server('mix-nowhere'), classKey: 'spaceship' },
      { classKey: 'server', name: 'no external id', lifecycleState: 'operational', attributes: {} },
      server('mix-changed', { cpu_cores: 8 }),
      ...fresh,
    ];
    const { body } = await importItems(rows);
    expect(body).toMatchObject({ created: 120, updated: 1, unchanged: 1, refused: 4 });
    expect(outcomesOf(body).slice(0, 7)).toEqual(['1:unchanged:', '2:updated:', '3:refused:attributes.cpu_cores', '4:refused:classKey', '5:refused:externalId', '6:refused:externalId', '7:created:']);
    expect(body.rows[5]?.issues?.[0]?.messages).toEqual(['row 2 has this external id already']);

    const changed = body.rows[1]?.id as string;
    await tap.waitFor(({ routingKey, body: event }) => routingKey === CONFIGURATION_ITEM_REVISED_V1.type && event['subject'] === changed);
    const created = new Set(body.rows.filter((row) => row.outcome === 'created').map((row) => row.id as string));
    await eventually(async () => eventsAbout(CONFIGURATION_ITEM_REGISTERED_V1.type, created), (count) => count === 120, { timeoutMs: 30_000, what: 'an event for each item created' });

    const relationships = await importRelationships([
      { type: 'hosts', fromExternalId: 'mix-same', toExternalId: 'mix-changed' },
      { type: 'hosts', fromExternalId: 'mix-same', toExternalId: 'mix-unknown' },
      { type: 'hosts', fromExternalId: 'mix-same', toExternalId: 'mix-same' },
      { type: 'hosts', fromExternalId: 'mix-same', toExternalId: 'mix-changed' },
      { type: 'orbits', fromExternalId: 'mix-same', toExternalId: 'mix-changed' },
    ]);
    expect(outcomesOf(relationships.body)).toEqual(['1:created:', '2:refused:toExternalId', '3:refused:toExternalId', '4:unchanged:', '5:refused:type']);
  });
});
