import { Principal, StateConflictError, VersionConflictError } from '@itsm/contracts';
import { MAJOR_INCIDENT_DECIDED_V1, MAJOR_INCIDENT_REVIEW_OPENED_V1, MAJOR_INCIDENT_REVIEW_REVISED_V1, MAJOR_INCIDENT_UPDATE_POSTED_V1 } from '@itsm/contracts/operation';
import { loadConfig } from '@itsm/config';
import { ChangeIncident, LinkParentIncident, MajorIncidentRepository, RegisterIncident, ResolveChildren, ReviewOpeningSweep, RunMajorIncident } from '@itsm/operation/incidents';
import { EventTap, SWEEPS_ONLY_WHEN_RUN, operationTestEnv, registerIncidentCommand, testServers, uniqueDatabaseName } from '@itsm/testing';
import { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

/** Integration: the major-incident procedure (candidate, decision, communication log, children, review at resolution and its sweep) on the real broker and database. */
describe('major incidents (real servers)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('major');
  const config = loadConfig(OperationConfig, operationTestEnv(dbName, SWEEPS_ONLY_WHEN_RUN));
  const caller: Principal = { userId: 'caller-1', roles: ['requester'], groups: [] };
  const agent: Principal = { userId: 'agent-1', roles: ['service_desk_agent'], groups: [] };
  const manager: Principal = { userId: 'mim-1', roles: ['major_incident_manager'], groups: [] };
  let app: INestApplication;
  let db: mongoose.Connection;
  let tap: EventTap;

  const report = async (title: string): Promise<string> => {
    const command = registerIncidentCommand(caller, title, { impact: 1, urgency: 1 });
    await app.get(RegisterIncident).execute(command);
    return command.data.incidentId;
  };
  const eventOf = (id: string, type: string, match: (data: Record<string, unknown>) => boolean = () => true) =>
    tap.waitFor((message) => message.body.subject === id && message.body.type === type && match(message.body.data as Record<string, unknown>));

  beforeAll(async () => {
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    tap = await EventTap.open(amqpUrl, 'itsm.operation.major-incident.#');
    app = await createOperationApp(config);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await tap.close();
    await db.dropDatabase();
    await db.close();
  });

  it('runs a major incident from candidate through its communication log and children to its review, with an event for each step', async () => {
    const run = app.get(RunMajorIncident);
    const change = app.get(ChangeIncident);
    const [outage, berlin, lyon] = [await report('Mail is down for everyone'), await report('No mail in Berlin'), await report('No mail in Lyon')];

    const proposed = await run.propose(outage, 'Every site reports it', agent);
    expect(proposed).toMatchObject({ _id: outage, version: 1, state: 'candidate', open: false, proposedBy: 'agent-1' });
    await expect(run.propose(outage, 'again', agent)).rejects.toBeInstanceOf(StateConflictError);
    await expect(run.decide(outage, 1, 'promote', 'outage', agent)).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(run.decide(outage, 3, 'promote', 'outage', manager)).rejects.toBeInstanceOf(VersionConflictError);
    const promoted = await run.decide(outage, 1, 'promote', 'Company-wide outage', manager);
    expect(promoted).toMatchObject({ version: 2, state: 'promoted', open: true, decidedBy: 'mim-1', decisionReason: 'Company-wide outage' });
    expect((await eventOf(outage, MAJOR_INCIDENT_DECIDED_V1.type)).body.data).toMatchObject({ decision: 'promoted', reason: 'Company-wide outage', version: 2, by: 'mim-1' });

    // The reports of the affected callers become its children (parent and child incidents).
    for (const child of [berlin, lyon]) await app.get(LinkParentIncident).link(child, 1, outage, { actor: agent });
    await run.post(outage, undefined, 'internal', 'Relay queue full; restarting it', manager);
    const posted = await run.post(outage, 3, 'stakeholder', 'Mail is down; next update at 10:30', manager);
    expect(posted.updates).toHaveLength(2);
    expect((await eventOf(outage, MAJOR_INCIDENT_UPDATE_POSTED_V1.type, (data) => data.audience === 'stakeholder')).body.data).toMatchObject({
      seq: 2,
      text: 'Mail is down; next update at 10:30',
      version: 4,
    });

    const open = await app.get(MajorIncidentRepository).list({ open: true }, { limit: 50 });
    expect(open.items.map((major) => major._id)).toContain(outage);

    // Resolving it resolves its children and opens its review, its timeline from the incident's timeline and the log.
    const incidentVersion = (await db.collection('incidents').findOne<{ version: number }>({ _id: outage as never }))?.version as number;
    const resolved = await change.execute(outage, incidentVersion, { kind: 'resolve', code: 'solved_permanently', notes: 'Relay disk extended' }, { actor: agent });
    await app.get(ResolveChildren).after(resolved);
    await run.afterResolution(outage);
    const reviewed = await app.get(MajorIncidentRepository).findById(outage);
    expect(reviewed).toMatchObject({ version: 5, open: false, review: { causes: [], actions: [] } });
    expect(reviewed?.review?.timeline.map((entry) => entry.source)).toEqual(['incident', 'incident', 'communication', 'communication', 'incident', 'incident']);
    expect(reviewed?.review?.timeline.at(-1)?.summary).toBe('resolved by agent-1, to resolved, code solved_permanently');
    expect((await eventOf(outage, MAJOR_INCIDENT_REVIEW_OPENED_V1.type)).body.data).toMatchObject({ by: 'system:operation', timelineEntries: 6 });
    for (const child of [berlin, lyon]) expect(await db.collection('incidents').findOne({ _id: child as never })).toMatchObject({ state: 'resolved' });
    expect((await app.get(MajorIncidentRepository).list({ open: true }, { limit: 50 })).items.map((major) => major._id)).not.toContain(outage);
    await expect(run.post(outage, undefined, 'stakeholder', 'late', manager)).rejects.toBeInstanceOf(StateConflictError);

    const revised = await run.reviseReview(outage, 5, ['Relay disk full'], [{ description: 'Alert on relay queue depth', ownerId: 'olga', dueDate: '2026-12-15' }], manager);
    expect(revised).toMatchObject({ version: 6, review: { causes: ['Relay disk full'], actions: [{ ownerId: 'olga', dueDate: '2026-12-15' }] } });
    await expect(run.reviseReview(outage, 6, [], [{ description: 'x', ownerId: 'olga', dueDate: '2026-02-30' }], manager)).rejects.toMatchObject({
      issues: [{ field: 'actions[0].dueDate' }],
    });
    expect((await eventOf(outage, MAJOR_INCIDENT_REVIEW_REVISED_V1.type)).body.data).toMatchObject({ review: { causes: ['Relay disk full'] } });
  });

  it('rejects a candidate with a reason (never open), and opens a review a crash left unopened through the sweep, once', async () => {
    const run = app.get(RunMajorIncident);
    const change = app.get(ChangeIncident);
    const [small, outage] = [await report('One printer'), await report('Storage array failed')];
    await run.propose(small, 'looks big', agent);
    expect(await run.decide(small, 1, 'reject', 'One user only', manager)).toMatchObject({ state: 'rejected', open: false });
    await expect(run.post(small, undefined, 'internal', 'x', manager)).rejects.toBeInstanceOf(StateConflictError);

    await run.propose(outage, 'All VMs down', agent);
    await run.decide(outage, 1, 'promote', 'Datacentre outage', manager);
    // The resolution is written; the process "died" before it opened the review.
    await change.execute(outage, 1, { kind: 'resolve', code: 'solved_permanently', notes: 'Controller replaced' }, { actor: agent });
    expect(await app.get(MajorIncidentRepository).findById(outage)).toMatchObject({ open: true });
    const sweep = app.get(ReviewOpeningSweep);
    expect(await sweep.sweep()).toBeGreaterThanOrEqual(1);
    expect(await app.get(MajorIncidentRepository).findById(outage)).toMatchObject({
      open: false,
      version: 3,
      review: { timeline: [expect.objectContaining({ summary: 'responded by agent-1' }), expect.objectContaining({ source: 'incident', summary: expect.stringContaining('resolved by agent-1') })] },
    });
    await sweep.sweep();
    expect(await app.get(MajorIncidentRepository).findById(outage)).toMatchObject({ version: 3 });
  });
});
