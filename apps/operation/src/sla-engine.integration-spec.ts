import { CloudEvent, Principal, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { CALENDAR_CHANGED_V1, SLA_DEFINED_V1, SlaDefinedV1 } from '@itsm/contracts/design';
import { REGISTER_INCIDENT_V1, RegisterIncidentV1, SLA_BREACHED_V1, SLA_RESUMED_V1, SLA_STARTED_V1 } from '@itsm/contracts/operation';
import { loadConfig } from '@itsm/config';
import { ASSIGNMENT_GROUPS_COLLECTION, ChangeIncident, IncidentRepository, RegisterIncident, ReplanCalendarClocks, SlaSweep } from '@itsm/operation/incidents';
import { ENGINE_CONTEXT_TTL_MS, RecordDesignDefinitions } from '@itsm/operation/service-levels';
import { SlaTargetView } from '@itsm/operation/sla-domain';
import { dueSlotOf } from '@itsm/service-runtime';
import { EventTap, SWEEPS_ONLY_WHEN_RUN, appInstances, officeHoursCalendar, operationTestEnv, testServers, uniqueDatabaseName } from '@itsm/testing';
import { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

const HOUR = 3_600_000;
const CONDITIONS = { start: ['new'], pause: ['on_hold'], resume: ['in_progress'], stop: ['resolved', 'closed'], reset: [], cancel: ['cancelled'] } as SlaDefinedV1['conditions'];

/** Local Berlin time in November (CET, +01:00). */
const at = (local: string) => new Date(`${local}+01:00`);

/**
 * Integration: the SLA engine on incidents against the real broker and database: clocks attached at
 * intake from operation's copy of design's definitions, driven by every lifecycle command in the same
 * guarded update, advanced by the SLA sweep (each breach once across instances, escalated), events to
 * outside subscribers. The clock is injected (`now` of the use cases and the sweep); the calendar is
 * Mon–Fri 08:00–18:00 Europe/Berlin; 2026-11-20 is a Friday, 2026-11-23 a Monday.
 */
describe('SLA engine on incidents (real servers)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('sla_engine');
  // The sweeps are run by the tests, at the instants they choose.
  const config = loadConfig(OperationConfig, operationTestEnv(dbName, { ...SWEEPS_ONLY_WHEN_RUN, ITSM_LOG_LEVEL: 'error' }));
  const caller: Principal = { userId: 'caller-1', roles: ['requester'], groups: [] };
  const agent: Principal = { userId: 'agent-1', roles: ['service_desk_agent'], groups: ['network'] };
  const calendarId = uuidV7();
  const slaFast = uuidV7();
  const slaSlow = uuidV7();
  const instances = appInstances(() => createOperationApp(config));
  let db: mongoose.Connection;
  let tap: EventTap;
  /** The instance that recorded design's definitions; the tests' first. */
  let main: INestApplication;

  const instance = instances.start;
  /** A report accepted by the gateway at `reportedAt` and registered by intake then; impact 2, urgency 1 is P2, 2 × 2 is P3. */
  const report = async (app: INestApplication, reportedAt: Date, urgency: 1 | 2 = 1): Promise<string> => {
    const incidentId = uuidV7();
    const command: CloudEvent<RegisterIncidentV1> = createCloudEvent(
      REGISTER_INCIDENT_V1,
      incidentId,
      { incidentId, title: 'mail down', callerId: caller.userId, actor: caller, impact: 2, urgency, reportedAt: reportedAt.toISOString() },
      { service: 'test' },
    );
    await app.get(RegisterIncident).execute(command, reportedAt);
    return incidentId;
  };
  const clock = (clocks: readonly SlaTargetView[], slaId: string, target = 'resolution') => clocks.find((view) => view.slaId === slaId && view.target === target && view.attached);
  const stored = async (id: string) => db.collection('incidents').findOne({ _id: id as never });

  beforeAll(async () => {
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    await db.collection(ASSIGNMENT_GROUPS_COLLECTION).insertMany([
      { _id: 'network' as never, memberIds: ['agent-1'], active: true, escalationGroupId: 'network-l2' },
      { _id: 'network-l2' as never, memberIds: ['expert-1'], active: true },
    ]);
    tap = await EventTap.open(amqpUrl, 'itsm.operation.sla.#');
    main = await instance();
    // Design's events, as the intake role records them.
    const record = main.get(RecordDesignDefinitions);
    const { name, definition } = officeHoursCalendar('office hours');
    await record.calendarChanged(createCloudEvent(CALENDAR_CHANGED_V1, calendarId, { calendarId, version: 1, name, definition }, { service: 'design' }));
    const sla = (slaId: string, fields: Partial<SlaDefinedV1>) =>
      createCloudEvent(SLA_DEFINED_V1, slaId, { slaId, version: 1, name: slaId, kind: 'sla', appliesTo: { recordType: 'incident' }, calendarId, calendarVersion: 1, targets: { resolutionMinutes: 240 }, conditions: CONDITIONS, warningThresholds: [50, 75, 90], ...fields } as SlaDefinedV1, { service: 'design' });
    await record.slaDefined(sla(slaFast, { name: 'P1-P2 resolution H+4', appliesTo: { recordType: 'incident', priorities: [1, 2] }, targets: { responseMinutes: 60, resolutionMinutes: 240 } }));
    await record.slaDefined(sla(slaSlow, { name: 'P3-P5 resolution H+8', appliesTo: { recordType: 'incident', priorities: [3, 4, 5] }, targets: { resolutionMinutes: 480 } }));
  });

  afterAll(async () => {
    await instances.closeAll();
    await tap.close();
    await db.dropDatabase();
    await db.close();
  });

  it('attaches H+4 at intake: opened Friday 16:00 on a Mon–Fri 08:00–18:00 calendar, it is due Monday 10:00', async () => {
    const app = main;
    const id = await report(app, at('2026-11-20T16:00'));

    const document = await stored(id);
    expect(document).toMatchObject({ slaBreached: false, slaNextDueAt: at('2026-11-20T16:30'), slaTicking: true }); // the response target's 50 % warning (of 1 business hour)
    expect(document?.slaDueSlot).toBe(dueSlotOf(at('2026-11-20T16:30'))); // the sweep's slot walk reads it by this key
    expect(document?.slas.attachments.map((attachment: { slaId: string }) => attachment.slaId)).toEqual([slaFast]);
    expect(document?.timeline.map((entry: { type: string; slaFact?: string; target?: string }) => `${entry.type} ${entry.slaFact} ${entry.target}`)).toEqual(['sla started response', 'sla started resolution']);
    const started = await tap.waitFor((message) => message.body.subject === id && message.body.type === SLA_STARTED_V1.type && (message.body.data as { target: string }).target === 'resolution');
    expect(started.body.data).toMatchObject({ recordType: 'incident', recordId: id, recordVersion: 1, slaId: slaFast, slaVersion: 1, name: 'P1-P2 resolution H+4', kind: 'sla', at: at('2026-11-20T16:00').toISOString(), dueAt: at('2026-11-23T10:00').toISOString() });

    const changed = await app.get(ChangeIncident).execute(id, 1, { kind: 'work-note', text: 'looking' }, { actor: agent }, at('2026-11-20T17:00'));
    expect(clock(changed.clocks, slaFast)).toMatchObject({ stage: 'in_progress', dueAt: at('2026-11-23T10:00'), elapsedMs: HOUR, remainingMs: 3 * HOUR, breached: false });
  });

  it('counts business hours across the switch to summer time: opened Friday 27 March 16:00 CET, H+4 is due Monday 30 March 10:00 CEST', async () => {
    const id = await report(main, new Date('2026-03-27T16:00:00+01:00'));
    const changed = await main.get(ChangeIncident).execute(id, 1, { kind: 'work-note', text: 'looking' }, { actor: agent }, new Date('2026-03-27T17:00:00+01:00'));
    expect(clock(changed.clocks, slaFast)).toMatchObject({ dueAt: new Date('2026-03-30T10:00:00+02:00'), elapsedMs: HOUR });
  });

  it('moves the due time two business hours for two business hours on hold', async () => {
    const app = main;
    const change = app.get(ChangeIncident);
    const id = await report(app, at('2026-11-23T09:00'));
    await change.execute(id, 1, { kind: 'start' }, { actor: agent }, at('2026-11-23T09:10'));
    await change.execute(id, 2, { kind: 'hold', reason: 'awaiting_caller' }, { actor: agent }, at('2026-11-23T10:00'));
    const held = await stored(id);
    expect(held).toMatchObject({ state: 'on_hold', slaBreached: false });
    expect(held?.slaNextDueAt).toBeUndefined(); // a paused clock never warns or breaches
    expect(held?.slaTicking).toBeUndefined(); // ... so the sweep does not even read it
    expect(held?.slaDueSlot).toBeUndefined(); // ... neither by its slot
    const resumed = await change.execute(id, 3, { kind: 'resume' }, { actor: agent }, at('2026-11-23T12:00'));
    expect(clock(resumed.clocks, slaFast)).toMatchObject({ stage: 'in_progress', dueAt: at('2026-11-23T15:00'), pausedMs: 2 * HOUR });
    const event = await tap.waitFor((message) => message.body.subject === id && message.body.type === SLA_RESUMED_V1.type && (message.body.data as { target: string }).target === 'resolution');
    expect(event.body.data).toMatchObject({ recordVersion: 4, dueAt: at('2026-11-23T15:00').toISOString() });
    expect((await stored(id))?.timeline.filter((entry: { type: string }) => entry.type === 'sla').map((entry: { slaFact: string }) => entry.slaFact)).toEqual([
      'started', 'started', 'completed', 'paused', 'resumed', // the response target completed at the first response (start)
    ]);
  });

  it('keeps the accumulated pause when a priority change swaps the SLA, counting from the incident\'s start', async () => {
    const app = main;
    const change = app.get(ChangeIncident);
    const id = await report(app, at('2026-11-23T09:00'), 2); // P3: H+8
    await change.execute(id, 1, { kind: 'start' }, { actor: agent }, at('2026-11-23T09:05'));
    await change.execute(id, 2, { kind: 'hold', reason: 'awaiting_vendor' }, { actor: agent }, at('2026-11-23T10:00'));
    await change.execute(id, 3, { kind: 'resume' }, { actor: agent }, at('2026-11-23T11:00'));
    const changed = await change.execute(id, 4, { kind: 'change-priority', urgency: 1, workNote: 'the whole floor is affected' }, { actor: agent }, at('2026-11-23T11:30'));

    expect(changed.incident.priority).toBe(2);
    expect(clock(changed.clocks, slaFast)).toMatchObject({ stage: 'in_progress', pausedMs: HOUR, elapsedMs: 1.5 * HOUR, dueAt: at('2026-11-23T14:00') });
    expect(changed.clocks.find((view) => view.slaId === slaSlow)).toMatchObject({ stage: 'cancelled', attached: false });
    expect(await stored(id)).toMatchObject({ slaNextDueAt: at('2026-11-23T12:00') }); // 50 % of H+4: 09:00-10:00 and 11:00-12:00
    const dueBy = async (instant: Date) => (await app.get(IncidentRepository).list({ slaNextDueBefore: instant }, { limit: 50 })).items.map((incident) => incident._id);
    expect(await dueBy(at('2026-11-23T12:00'))).toContain(id);
    expect(await dueBy(at('2026-11-23T11:59'))).not.toContain(id);
  });

  it('fires each warning and breach once when two instances sweep at once, escalates the breach and lists the incident as breached', async () => {
    const [first, second] = [main, await instance()];
    const id = await report(first, at('2026-11-24T09:00'));
    await first.get(ChangeIncident).execute(id, 1, { kind: 'assign', groupId: 'network' }, { actor: agent }, at('2026-11-24T09:01'));

    const sweepAt = at('2026-11-24T13:30');
    await Promise.all([first.get(SlaSweep).sweep(sweepAt), second.get(SlaSweep).sweep(sweepAt)]);
    await Promise.all([first.get(SlaSweep).sweep(sweepAt), second.get(SlaSweep).sweep(sweepAt)]);

    const document = await stored(id);
    const slaEntries = (document?.timeline as Array<{ type: string; slaFact?: string; target?: string; percent?: number }>).filter((entry) => entry.type === 'sla' && entry.target === 'resolution');
    expect(slaEntries.map((entry) => `${entry.slaFact}${entry.percent ?? ''}`)).toEqual(['started', 'breached']); // crossed together: the breach alone
    expect(document).toMatchObject({ slaBreached: true, assignmentGroupId: 'network-l2' });
    expect(document?.slaNextDueAt).toBeUndefined();
    expect(document?.slaDueSlot).toBeUndefined();
    const escalated = (document?.timeline as Array<{ type: string; by: string; groupId?: string }>).find((entry) => entry.type === 'assigned' && entry.groupId === 'network-l2');
    expect(escalated).toMatchObject({ by: 'system:operation' });
    // The breach that caused the escalation comes first on the timeline, then the reassignment it made.
    const timeline = document?.timeline as Array<{ seq: number; type: string; slaFact?: string; target?: string; groupId?: string }>;
    const breachedSeq = timeline.find((entry) => entry.type === 'sla' && entry.slaFact === 'breached' && entry.target === 'resolution')?.seq;
    expect(breachedSeq).toBeLessThan(timeline.find((entry) => entry.type === 'assigned' && entry.groupId === 'network-l2')?.seq ?? 0);
    expect([...timeline].sort((a, b) => a.seq - b.seq).map((entry) => entry.seq)).toEqual(timeline.map((_, index) => index + 1));

    // An outside subscriber bound to itsm.operation.sla.# gets the breach, once.
    const breach = await tap.waitFor((message) => message.body.subject === id && message.body.type === SLA_BREACHED_V1.type && (message.body.data as { target: string }).target === 'resolution');
    expect(breach.body.data).toMatchObject({ recordType: 'incident', recordId: id, slaId: slaFast, target: 'resolution', at: at('2026-11-24T13:00').toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tap.messages.filter((message) => message.body.subject === id && message.body.type === SLA_BREACHED_V1.type && (message.body.data as { target: string }).target === 'resolution')).toHaveLength(1);

    const listed = await first.get(IncidentRepository).list({ slaBreached: true }, { limit: 50 });
    expect(listed.items.map((incident) => incident._id)).toContain(id);
    const notBreached = await first.get(IncidentRepository).list({ slaBreached: false }, { limit: 50 });
    expect(notBreached.items.map((incident) => incident._id)).not.toContain(id);

  });

  it('re-plans a running clock when a holiday is added to its calendar, leaving the warning it fired', async () => {
    const change = main.get(ChangeIncident);
    const sweep = main.get(SlaSweep);
    const id = await report(main, at('2026-11-17T16:00')); // Tuesday: H+4 due Wednesday 10:00
    await change.execute(id, 1, { kind: 'start' }, { actor: agent }, at('2026-11-17T16:05'));
    await sweep.sweep(at('2026-11-17T18:30'));
    expect(await stored(id)).toMatchObject({ slaNextDueAt: at('2026-11-18T09:00') }); // 50 % fired at 18:00; 75 % next
    expect((await stored(id))?.slaDueSlot).toBe(dueSlotOf(at('2026-11-18T09:00')));

    // Design adds Wednesday as a holiday; operation's copy takes the revision (and its engine context, within a second).
    const { name, definition } = officeHoursCalendar('office hours');
    const revised = { calendarId, version: 2, name, definition: { ...definition, holidays: [{ date: '2026-11-18', name: 'Buß- und Bettag' }] } };
    await main.get(RecordDesignDefinitions).calendarChanged(createCloudEvent(CALENDAR_CHANGED_V1, calendarId, revised, { service: 'design' }));
    await new Promise((resolve) => setTimeout(resolve, ENGINE_CONTEXT_TTL_MS + 100));

    await sweep.sweep(at('2026-11-18T09:30')); // the old 75 % instant: nothing fires on the holiday, the next due time moves
    expect(await stored(id)).toMatchObject({ slaNextDueAt: at('2026-11-19T09:00'), slaBreached: false, version: 4 }); // the re-plan is a change of its own
    const changed = await change.execute(id, 4, { kind: 'work-note', text: 'vendor called back' }, { actor: agent }, at('2026-11-18T12:00'));
    expect(clock(changed.clocks, slaFast)).toMatchObject({ stage: 'in_progress', dueAt: at('2026-11-19T10:00'), breached: false });
    const fired = (await stored(id))?.timeline.filter((entry: { type: string; target?: string }) => entry.type === 'sla' && entry.target === 'resolution');
    expect(fired.map((entry: { slaFact: string; percent?: number }) => `${entry.slaFact}${entry.percent ?? ''}`)).toEqual(['started', 'warning50']);
  });
  it('re-plans running clocks at the calendar revision itself, in one batch, and leaves completed ones as they ended', async () => {
    const change = main.get(ChangeIncident);
    // P3, H+8 from Tuesday 17:00: the 50 % warning falls Wednesday 11:00.
    const running = await report(main, at('2026-11-24T17:00'), 2);
    expect(await stored(running)).toMatchObject({ slaNextDueAt: at('2026-11-25T11:00'), slaCalendarIds: [calendarId], version: 1 });
    const completed = await report(main, at('2026-11-24T09:00'), 2);
    await change.execute(completed, 1, { kind: 'start' }, { actor: agent }, at('2026-11-24T09:10'));
    await change.execute(completed, 2, { kind: 'resolve', code: 'solved_permanently', notes: 'Fixed' }, { actor: agent }, at('2026-11-24T10:00'));
    const completedBefore = await stored(completed);
    expect(completedBefore).not.toHaveProperty('slaCalendarIds');

    // Design adds Wednesday 2026-11-25 as a holiday; the re-plan runs as the revision is stored (Tuesday 17:30 here).
    const { name, definition } = officeHoursCalendar('office hours');
    const holidays = [{ date: '2026-11-18', name: 'Buß- und Bettag' }, { date: '2026-11-25', name: 'Betriebsausflug' }];
    await main.get(RecordDesignDefinitions).calendarChanged(createCloudEvent(CALENDAR_CHANGED_V1, calendarId, { calendarId, version: 3, name, definition: { ...definition, holidays } }, { service: 'design' }));
    const outcome = await main.get(ReplanCalendarClocks).replan(calendarId, at('2026-11-24T17:30'));
    expect(outcome.replanned).toBeGreaterThanOrEqual(1);

    // At once, without a sweep: the warning moves a working day, as a version of its own with no timeline entry.
    const replanned = await stored(running);
    expect(replanned).toMatchObject({ slaNextDueAt: at('2026-11-26T11:00'), slaTicking: true, slaCalendarIds: [calendarId], version: 2, timelineSeq: 1 });
    const changed = await change.execute(running, 2, { kind: 'work-note', text: 'holiday noted' }, { actor: agent }, at('2026-11-24T17:45'));
    expect(clock(changed.clocks, slaSlow)).toMatchObject({ stage: 'in_progress', dueAt: at('2026-11-26T15:00'), breached: false }); // 1 h Tuesday, 7 h Thursday
    // The completed clock is not among those re-planned: the same version and clocks (the relay empties its outbox meanwhile).
    const completedAfter = await stored(completed);
    expect(completedAfter?.version).toBe(completedBefore?.version);
    expect(completedAfter?.slas).toEqual(completedBefore?.slas);
    expect(completedAfter?.slaNextDueAt).toBeUndefined();
  });

  it('re-plans at the revision in a DST week too: a holiday on Monday 30 March 2026, the day after Berlin springs forward', async () => {
    const change = main.get(ChangeIncident);
    // P3, H+8 from Friday 27 March 17:00 CET: 1 h Friday, the 50 % warning Monday 11:00 CEST, due Monday 15:00 CEST.
    const id = await report(main, new Date('2026-03-27T17:00:00+01:00'), 2);
    expect(await stored(id)).toMatchObject({ slaNextDueAt: new Date('2026-03-30T11:00:00+02:00'), version: 1 });

    const { name, definition } = officeHoursCalendar('office hours');
    const holidays = [{ date: '2026-11-18', name: 'Buß- und Bettag' }, { date: '2026-11-25', name: 'Betriebsausflug' }, { date: '2026-03-30', name: 'Brückentag' }];
    await main.get(RecordDesignDefinitions).calendarChanged(createCloudEvent(CALENDAR_CHANGED_V1, calendarId, { calendarId, version: 4, name, definition: { ...definition, holidays } }, { service: 'design' }));
    const outcome = await main.get(ReplanCalendarClocks).replan(calendarId, new Date('2026-03-27T17:30:00+01:00'));
    expect(outcome.replanned).toBeGreaterThanOrEqual(1);

    // The warning moves a working day, still on summer time: Tuesday 31 March 11:00 CEST.
    expect(await stored(id)).toMatchObject({ slaNextDueAt: new Date('2026-03-31T11:00:00+02:00'), slaTicking: true, version: 2, timelineSeq: 1 });
    const changed = await change.execute(id, 2, { kind: 'work-note', text: 'bridge day noted' }, { actor: agent }, new Date('2026-03-27T17:45:00+01:00'));
    expect(clock(changed.clocks, slaSlow)).toMatchObject({ stage: 'in_progress', dueAt: new Date('2026-03-31T15:00:00+02:00'), breached: false });
  });

  it('fires a warning found by its due slot, a few minutes of slots after the sweep\'s first pass, and files the incident under its next slot', async () => {
    const app = await instance(); // a sweep of its own: its first pass is the catch-up, the next ones walk the slots
    const id = await report(app, at('2026-11-26T09:00')); // the response target's 50 % warning at 09:30
    const sweep = app.get(SlaSweep);
    await sweep.sweep(at('2026-11-26T09:27'));
    expect(await stored(id)).toMatchObject({ version: 1, slaDueSlot: dueSlotOf(at('2026-11-26T09:30')) });

    await sweep.sweep(at('2026-11-26T09:31')); // 25 slots on, within the walk's bound and before the next catch-up
    const document = await stored(id);
    const warnings = (document?.timeline as Array<{ type: string; slaFact?: string; target?: string }>).filter((entry) => entry.type === 'sla' && entry.slaFact === 'warning' && entry.target === 'response');
    expect(warnings).toHaveLength(1);
    expect(document?.slaNextDueAt.getTime()).toBeGreaterThan(at('2026-11-26T09:31').getTime());
    expect(document?.slaDueSlot).toBe(dueSlotOf(document?.slaNextDueAt));
  });
});
