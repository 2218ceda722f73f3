import { CloudEvent, Principal, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { KNOWN_ERROR_WORKAROUND_PUBLISHED_V1, PROBLEM_INCIDENT_LINKED_V1, KnownErrorWorkaroundPublishedV1, PROBLEM_RESOLVED_V1, ProblemResolvedV1 } from '@itsm/contracts/operation';
import { loadConfig } from '@itsm/config';
import { ChangeIncident, IncidentLifecycleRepository, RegisterIncident } from '@itsm/operation/incidents';
import { ChangeProblem, DefineKnownError, KnownErrorRepository, ProblemIncidentEffects, ProblemRepository, ReportProblem } from '@itsm/operation/problems';
import { MessagePublisher } from '@itsm/messaging';
import { ConfigurationItemCopyRepository } from '@itsm/operation/configuration-items';
import { fieldsOf } from '@itsm/persistence';
import { RequestOrigin } from '@itsm/service-runtime';
import { EventTap, configurationItemEvent, eventually, operationTestEnv, registerIncidentCommand, testServers, uniqueDatabaseName } from '@itsm/testing';
import { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

/**
 * Integration: problems and known errors against the real broker and database, their effects on incidents
 * through operation's own consumer of its problem events (the intake role's event queue): links, workaround
 * work notes (also for incidents linked later), the fix's resolutions, and redeliveries that change nothing.
 */
describe('problems and known errors (real servers)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('problems');
  const config = loadConfig(OperationConfig, operationTestEnv(dbName));
  const caller: Principal = { userId: 'caller-1', roles: ['requester'], groups: [] };
  const agent: Principal = { userId: 'agent-1', roles: ['service_desk_agent'], groups: [] };
  const manager: Principal = { userId: 'pm-1', roles: ['problem_manager'], groups: [] };
  const origin: RequestOrigin = { actor: manager, actorId: manager.userId, correlationId: 'problems-spec' };
  let app: INestApplication;
  let db: mongoose.Connection;
  let tap: EventTap;

  const report = async (title: string): Promise<string> => {
    const command = registerIncidentCommand(caller, title);
    await app.get(RegisterIncident).execute(command);
    return command.data.incidentId;
  };
  const incident = (id: string) => app.get(IncidentLifecycleRepository).findForChange(id);
  const timeline = async (id: string) => (await app.get(IncidentLifecycleRepository).timeline(id, {}, false, { limit: 100 }))?.items ?? [];
  // The CMDB's items the problems name, registered by transition's events into operation's copy.
  const items = [configurationItemEvent('ci-relay-1'), configurationItemEvent('ci-vpn-7'), configurationItemEvent('ci-vpn-8'), configurationItemEvent('ci-vpn-old', { lifecycleState: 'retired', version: 2 })];
  /** The id of the item with this external id: problems and known errors store it whichever spelling named the item. */
  const idOf = (externalId: string) => items.find((item) => item.data.externalId === externalId)?.data.itemId ?? '';
  const until = <T>(what: string, read: () => Promise<T>, done: (value: T) => boolean) => eventually(read, done, { what, timeoutMs: 20_000 });

  beforeAll(async () => {
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    tap = await EventTap.open(amqpUrl, 'itsm.operation.#');
    app = await createOperationApp(config);
    await app.startAllMicroservices();
    await app.init();
    for (const item of items) await app.get(MessagePublisher).publish(item);
    for (const item of items) await until(`${item.data.externalId} in operation's copy`, () => app.get(ConfigurationItemCopyRepository).findByReference(item.data.externalId ?? ''), (found) => found?.version === item.data.version);
  });

  afterAll(async () => {
    await app.close();
    await tap.close();
    await db.dropDatabase();
    await db.close();
  });

  it('links incidents, shares a published workaround with the open ones (and one linked later), and the fix resolves them, each once', async () => {
    const early = await report('Mail stuck in the outbox');
    const late = await report('Mail to partners bounces');
    const done = await report('Mail slow yesterday');
    await app.get(ChangeIncident).execute(done, 1, { kind: 'resolve', code: 'not_reproducible', notes: 'gone' }, { actor: agent });

    const problem = await app.get(ReportProblem).execute(
      { title: 'Mail relay drops messages', serviceId: 'svc-mail', configurationItemIds: ['ci-relay-1'], impact: 2, urgency: 1, resolveLinkedIncidents: true },
      origin,
    );
    expect(problem).toMatchObject({ number: expect.stringMatching(/^PRB\d{7}$/) as unknown, state: 'new', priority: 2, version: 1 });
    const changeProblem = app.get(ChangeProblem);
    await changeProblem.execute(problem._id, undefined, { kind: 'link-incident', incidentId: early }, origin);
    await changeProblem.execute(problem._id, undefined, { kind: 'link-incident', incidentId: done }, origin);
    await until('the early incident linked', () => incident(early), (read) => read?.incident.problemId === problem._id);
    await until('the resolved incident linked', () => incident(done), (read) => read?.incident.problemNumber === problem.number);

    const knownError = await app.get(DefineKnownError).define(
      {
        problemId: problem._id,
        title: 'Relay queue overflows',
        symptom: 'Outgoing mail stays in the outbox',
        rootCause: 'The relay queue is full',
        workaround: 'Send through webmail until the relay is fixed',
        serviceIds: ['svc-mail'],
        configurationItemIds: ['ci-relay-1'],
      },
      origin,
    );
    expect(knownError).toMatchObject({ problemNumber: problem.number, version: 1 });
    await app.get(DefineKnownError).publishWorkaround(knownError._id, 1, origin);
    const isWorkaround = (entry: { type: string; visibility: string; text?: unknown }) => entry.type === 'commented' && entry.visibility === 'internal' && String(entry.text).startsWith('Workaround (known error "Relay queue overflows"');
    await until('the workaround on the early incident', () => timeline(early), (entries) => entries.some(isWorkaround));

    await changeProblem.execute(problem._id, undefined, { kind: 'link-incident', incidentId: late }, origin);
    await until('the workaround on the incident linked later', () => timeline(late), (entries) => entries.some(isWorkaround));
    expect((await timeline(done)).some(isWorkaround)).toBe(false); // resolved before: only open incidents get it

    await changeProblem.execute(problem._id, 4, { kind: 'investigate' }, origin);
    await changeProblem.execute(problem._id, 5, { kind: 'record-root-cause', method: 'five_whys', rootCause: 'Queue sized for last year', contributingFactors: ['no alert'] }, origin);
    const fixed = await changeProblem.execute(problem._id, 6, { kind: 'apply-fix', notes: 'Queue raised, alert added' }, origin);
    expect(fixed).toMatchObject({ state: 'resolved', fix: { notes: 'Queue raised, alert added', appliedBy: manager.userId } });
    for (const id of [early, late]) {
      const resolved = await until(`incident ${id} resolved by the fix`, () => incident(id), (read) => read?.incident.state === 'resolved');
      expect(resolved?.incident.resolution).toMatchObject({ code: 'solved_permanently', notes: `Resolved by the fix of problem ${problem.number}: Queue raised, alert added`, resolvedBy: 'system:operation' });
    }
    expect((await incident(done))?.incident.resolution?.notes).toBe('gone');

    // Redeliveries (a crash before the ack) change nothing: every incident already has what they carry.
    const seqs = async () => Promise.all([early, late, done].map(async (id) => (await incident(id))?.timelineSeq));
    const before = await seqs();
    const effects = app.get(ProblemIncidentEffects);
    const published = await tap.waitFor((message) => message.body.type === KNOWN_ERROR_WORKAROUND_PUBLISHED_V1.type && message.body.subject === knownError._id);
    const resolvedEvent = await tap.waitFor((message) => message.body.type === PROBLEM_RESOLVED_V1.type && message.body.subject === problem._id);
    await effects.workaroundPublished(published.body as unknown as CloudEvent<KnownErrorWorkaroundPublishedV1>);
    await effects.problemResolved(resolvedEvent.body as unknown as CloudEvent<ProblemResolvedV1>);
    expect(await seqs()).toEqual(before);
    expect((await timeline(early)).filter(isWorkaround)).toHaveLength(1);
  });

  it('without resolving incidents, notes the fix and resumes an incident on hold awaiting the problem; unlinks', async () => {
    const waiting = await report('Reports time out');
    const other = await report('Report export slow');
    const change = app.get(ChangeIncident);
    await change.execute(waiting, 1, { kind: 'hold', reason: 'awaiting_problem' }, { actor: agent });
    const problem = await app.get(ReportProblem).execute({ title: 'Report engine leaks memory', configurationItemIds: [], impact: 3, urgency: 3, resolveLinkedIncidents: false }, origin);
    const changeProblem = app.get(ChangeProblem);
    await changeProblem.execute(problem._id, undefined, { kind: 'link-incident', incidentId: waiting }, origin);
    await changeProblem.execute(problem._id, undefined, { kind: 'link-incident', incidentId: other }, origin);
    await until('the other incident linked', () => incident(other), (read) => read?.incident.problemId === problem._id);
    await changeProblem.execute(problem._id, undefined, { kind: 'unlink-incident', incidentId: other }, origin);
    await until('the other incident unlinked', () => incident(other), (read) => read?.incident.problemId === undefined);
    await expect(changeProblem.execute(problem._id, undefined, { kind: 'link-incident', incidentId: uuidV7() }, origin)).rejects.toMatchObject({ name: 'RuleViolationError', issues: [{ field: 'incidentId' }] });

    await changeProblem.execute(problem._id, 4, { kind: 'investigate' }, origin);
    await changeProblem.execute(problem._id, 5, { kind: 'record-root-cause', method: 'fishbone', rootCause: 'Cache never evicted', contributingFactors: [] }, origin);
    await changeProblem.execute(problem._id, 6, { kind: 'apply-fix', notes: 'Eviction added' }, origin);
    const resumed = await until('the waiting incident resumed', () => incident(waiting), (read) => read?.incident.state === 'in_progress');
    expect(resumed?.incident.holdReason).toBeUndefined();
    expect((await timeline(waiting)).map((entry) => [entry.type, entry.text])).toEqual(
      expect.arrayContaining([['commented', `The fix of problem ${problem.number} was applied: Eviction added`]]),
    );
    expect((await incident(other))?.incident.state).toBe('new');
  });

  it('takes back a link another problem made first (two links at once, each checked before the other reached the incident)', async () => {
    const contested = await report('Printer jams on tray 2');
    const first = await app.get(ReportProblem).execute({ title: 'Tray 2 rollers worn', configurationItemIds: [], impact: 3, urgency: 3, resolveLinkedIncidents: false }, origin);
    const second = await app.get(ReportProblem).execute({ title: 'Printer firmware bug', configurationItemIds: [], impact: 3, urgency: 3, resolveLinkedIncidents: false }, origin);
    await app.get(ChangeProblem).execute(first._id, undefined, { kind: 'link-incident', incidentId: contested }, origin);
    await until('the incident linked to the first problem', () => incident(contested), (read) => read?.incident.problemId === first._id);
    // The second link as it is written when its check ran before the first link reached the incident.
    const problems = app.get(ProblemRepository);
    await problems.revise(second._id, (current) => ({ ...fieldsOf(current), incidentIds: [contested] }), () => []);
    const linked = createCloudEvent(
      PROBLEM_INCIDENT_LINKED_V1,
      second._id,
      { problemId: second._id, number: second.number, version: 2, at: new Date().toISOString(), by: manager.userId, incidentId: contested },
      { service: 'operation' },
    );
    await app.get(ProblemIncidentEffects).incidentLinked(linked);
    expect((await problems.findById(second._id))?.incidentIds).toEqual([]);
    expect((await incident(contested))?.incident.problemId).toBe(first._id);
    await app.get(ProblemIncidentEffects).incidentLinked(linked); // again: nothing left to take back
    expect((await problems.findById(second._id))?.version).toBe(3);
  });

  it('finds known errors by words (case and accents ignored, every word), service and configuration item; lists problems by state', async () => {
    const problem = await app.get(ReportProblem).execute({ title: 'VPN gateway crashes', configurationItemIds: ['ci-vpn-7'], impact: 1, urgency: 1, resolveLinkedIncidents: false }, origin);
    const known = await app.get(DefineKnownError).define(
      { problemId: problem._id, title: 'Tunnel über IPv6 bricht ab', symptom: 'VPN drops after 60 minutes', rootCause: 'Rekey timer', serviceIds: ['svc-vpn'], configurationItemIds: ['ci-vpn-7'] },
      origin,
    );
    const search = (criteria: Parameters<KnownErrorRepository['search']>[0]) => app.get(KnownErrorRepository).search(criteria, { limit: 20 });
    const ids = async (criteria: Parameters<KnownErrorRepository['search']>[0]) => (await search(criteria)).items.map((item) => item._id);
    expect(await ids({ terms: ['uber', 'tunnel'] })).toEqual([known._id]);
    expect(await ids({ terms: ['minutes', 'drops', 'vpn'], serviceId: 'svc-vpn' })).toEqual([known._id]);
    expect(await ids({ terms: ['tunnel', 'printer'] })).toEqual([]);
    // Filed by the item's external id, found by its id (the stored form a filter by either spelling resolves to).
    expect(await ids({ configurationItemId: idOf('ci-vpn-7'), problemId: problem._id })).toEqual([known._id]);
    expect(await ids({ serviceId: 'svc-other' })).toEqual([]);
    await expect(app.get(DefineKnownError).define({ ...known, problemId: uuidV7() }, origin)).rejects.toMatchObject({ issues: [{ field: 'problemId' }] });
    await expect(app.get(DefineKnownError).publishWorkaround(known._id, 1, origin)).rejects.toMatchObject({ issues: [{ field: 'workaround' }] });

    expect(problem.configurationItemIds).toEqual([idOf('ci-vpn-7')]);
    const listed = await app.get(ProblemRepository).list({ state: 'new', configurationItemId: idOf('ci-vpn-7') }, { limit: 10 });
    expect(listed.items.map((item) => item._id)).toEqual([problem._id]);
    const revised = await app.get(ChangeProblem).execute(
      problem._id,
      1,
      { kind: 'revise', details: { title: 'VPN gateway crashes on rekey', serviceId: 'svc-vpn', configurationItemIds: ['ci-vpn-8'], impact: 2, urgency: 2, resolveLinkedIncidents: true } },
      origin,
    );
    expect(revised).toMatchObject({ version: 2, priority: 3, serviceId: 'svc-vpn', configurationItemIds: [idOf('ci-vpn-8')] });
    expect((await app.get(ProblemRepository).list({ configurationItemId: idOf('ci-vpn-7') }, { limit: 10 })).items).toEqual([]);
    expect((await app.get(ProblemRepository).list({ serviceId: 'svc-vpn', priority: 3 }, { limit: 10 })).items.map((item) => item._id)).toEqual([problem._id]);
  });

  it('refuses problems and known errors naming a configuration item unknown to operation or retired, naming configurationItemIds', async () => {
    const report = { title: 'Relay drops mail', impact: 2, urgency: 2, resolveLinkedIncidents: false } as const;
    await expect(app.get(ReportProblem).execute({ ...report, configurationItemIds: ['ci-relay-1', 'ci-nowhere'] }, origin)).rejects.toMatchObject({
      issues: [{ field: 'configurationItemIds', messages: [expect.stringContaining('no configuration item of the CMDB has the id or external id ci-nowhere')] }],
    });
    await expect(app.get(ReportProblem).execute({ ...report, configurationItemIds: ['ci-vpn-old'] }, origin)).rejects.toMatchObject({
      issues: [{ field: 'configurationItemIds', messages: ['the configuration item ci-vpn-old (ci-vpn-old) is retired'] }],
    });
    const problem = await app.get(ReportProblem).execute({ ...report, configurationItemIds: ['ci-relay-1'] }, origin);
    await expect(app.get(ChangeProblem).execute(problem._id, 1, { kind: 'revise', details: { ...report, configurationItemIds: ['ci-relay-1', 'ci-vpn-old'] } }, origin)).rejects.toMatchObject({
      issues: [{ field: 'configurationItemIds' }],
    });
    const knownError = { problemId: problem._id, title: 'Relay queue full', symptom: 'Mail deferred', rootCause: 'Queue too small', serviceIds: [], configurationItemIds: ['ci-nowhere'] };
    await expect(app.get(DefineKnownError).define(knownError, origin)).rejects.toMatchObject({ issues: [{ field: 'configurationItemIds' }] });
    const defined = await app.get(DefineKnownError).define({ ...knownError, configurationItemIds: ['ci-relay-1'] }, origin);
    // The item named by id rather than external id is the same item.
    const relay = await app.get(ConfigurationItemCopyRepository).findByReference('ci-relay-1');
    expect(await app.get(DefineKnownError).revise(defined._id, 1, { ...knownError, configurationItemIds: ['ci-relay-1', relay?._id ?? ''] }, origin)).toMatchObject({ version: 2, configurationItemIds: [idOf('ci-relay-1')] });
  });
});
