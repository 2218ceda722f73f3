import { Principal, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { SLA_DEFINED_V1, SlaDefinedV1 } from '@itsm/contracts/design';
import { SLA_BREACHED_V1, SLA_WARNING_V1 } from '@itsm/contracts/operation';
import { loadConfig } from '@itsm/config';
import { ChangeIncident, IncidentLifecycleRepository, RegisterIncident, SlaFiringRecoverySweep, SlaSweep, slaFiringsOf } from '@itsm/operation/incidents';
import { RecordDesignDefinitions } from '@itsm/operation/service-levels';
import { advanceSlas } from '@itsm/operation/sla-domain';
import { EventTap, SWEEPS_ONLY_WHEN_RUN, TappedMessage, appInstances, operationTestEnv, registerIncidentCommand, testServers, uniqueDatabaseName } from '@itsm/testing';
import { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import { createOperationApp } from './operation.app';
import { OperationConfig } from './operation.config';

const MINUTE = 60_000;
const CONDITIONS = { start: ['new'], pause: ['on_hold'], resume: ['in_progress'], stop: ['resolved', 'closed'], reset: [], cancel: ['cancelled'] } as SlaDefinedV1['conditions'];

/**
 * Integration: the SLA sweep's firings (`sla_firings`) against the real broker and database. A 24x7 SLA of 60
 * minutes with a warning at 50 % on every incident; the sweeps run at instants the tests choose (each
 * incident's own report time plus minutes). Each warning and breach reaches an outside subscriber once, from
 * whichever of two racing instances recorded it; the incident records it (stage, timeline, no event of its
 * own); a firing recorded but left unpublished by a crash is published by the recovery, once; one whose
 * record lost is dropped unpublished.
 */
describe('SLA firings (real servers)', () => {
  const { amqpUrl, mongoUrl } = testServers();
  const dbName = uniqueDatabaseName('sla_firings');
  const config = loadConfig(OperationConfig, operationTestEnv(dbName, { ...SWEEPS_ONLY_WHEN_RUN, ITSM_LOG_LEVEL: 'error' }));
  const caller: Principal = { userId: 'caller-1', roles: ['requester'], groups: [] };
  const agent: Principal = { userId: 'agent-1', roles: ['service_desk_agent'], groups: [] };
  const slaId = uuidV7();
  const instances = appInstances(() => createOperationApp(config));
  let db: mongoose.Connection;
  let tap: EventTap;
  let main: INestApplication;

  const instance = instances.start;
  /** A new incident reported at `reportedAt`, with its report time. */
  const report = async (reportedAt: Date): Promise<string> => {
    const command = registerIncidentCommand(caller, 'printer jammed');
    command.data.reportedAt = reportedAt.toISOString();
    await main.get(RegisterIncident).execute(command, reportedAt);
    return command.data.incidentId;
  };
  const stored = async (id: string) => db.collection('incidents').findOne({ _id: id as never });
  const slaEvents = (id: string, type: string): TappedMessage[] => tap.messages.filter((message) => message.body.subject === id && message.body.type === type);
  const firingsLeft = () => db.collection('sla_firings').countDocuments({});
  /** Lets the broker deliver what was published (the tap consumes on its own connection). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

  beforeAll(async () => {
    db = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    tap = await EventTap.open(amqpUrl, 'itsm.operation.sla.#');
    main = await instance();
    await main.get(RecordDesignDefinitions).slaDefined(
      createCloudEvent(
        SLA_DEFINED_V1,
        slaId,
        { slaId, version: 1, name: 'resolve in an hour', kind: 'sla', appliesTo: { recordType: 'incident' }, targets: { resolutionMinutes: 60 }, conditions: CONDITIONS, warningThresholds: [50] } as SlaDefinedV1,
        { service: 'design' },
      ),
    );
  });

  afterAll(async () => {
    await instances.closeAll();
    await tap.close();
    await db.dropDatabase();
    await db.close();
  });

  it('publishes each warning once when two instances sweep the same incidents at once, from the one that recorded it', async () => {
    const second = await instance();
    const reportedAt = new Date('2026-11-02T09:00:00Z');
    const ids = await Promise.all(Array.from({ length: 6 }, () => report(reportedAt)));
    const sweepAt = new Date(reportedAt.getTime() + 35 * MINUTE);

    await Promise.all([main.get(SlaSweep).sweep(sweepAt), second.get(SlaSweep).sweep(sweepAt)]);
    await Promise.all([main.get(SlaSweep).sweep(sweepAt), second.get(SlaSweep).sweep(sweepAt)]);
    await settle();

    for (const id of ids) {
      const warnings = slaEvents(id, SLA_WARNING_V1.type);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.body.data).toMatchObject({ recordId: id, slaId, percent: 50, at: new Date(reportedAt.getTime() + 30 * MINUTE).toISOString() });
      const document = await stored(id);
      // Recorded once, as the version after the report, which the event names.
      expect(document?.version).toBe(2);
      expect((warnings[0]?.body.data as { recordVersion: number }).recordVersion).toBe(2);
      const entries = (document?.timeline as Array<{ type: string; slaFact?: string }>).filter((entry) => entry.type === 'sla' && entry.slaFact === 'warning');
      expect(entries).toHaveLength(1);
      // Nothing for the incident's relay: the warning was published from its firing.
      expect(document?.outboxSeq ?? 0).toBe(0);
    }
    expect(await firingsLeft()).toBe(0);
  });

  it('records the breach on the incident (stage, timeline, breached flag) as it publishes it, once', async () => {
    const reportedAt = new Date('2026-11-03T09:00:00Z');
    const id = await report(reportedAt);
    const sweep = main.get(SlaSweep);
    await sweep.sweep(new Date(reportedAt.getTime() + 31 * MINUTE));
    await sweep.sweep(new Date(reportedAt.getTime() + 61 * MINUTE));
    await sweep.sweep(new Date(reportedAt.getTime() + 62 * MINUTE));
    await settle();

    const breaches = slaEvents(id, SLA_BREACHED_V1.type);
    expect(breaches).toHaveLength(1);
    expect(breaches[0]?.body.data).toMatchObject({ recordId: id, slaId, recordVersion: 3, at: new Date(reportedAt.getTime() + 60 * MINUTE).toISOString() });
    const document = await stored(id);
    expect(document).toMatchObject({ version: 3, slaBreached: true });
    expect(document?.slaNextDueAt).toBeUndefined();
    const entries = (document?.timeline as Array<{ type: string; slaFact?: string }>).filter((entry) => entry.type === 'sla').map((entry) => entry.slaFact);
    expect(entries).toEqual(['started', 'warning', 'breached']);
    // The clocks as the API reads them: breached, and still running until the incident is resolved.
    const changed = await main.get(ChangeIncident).execute(id, 3, { kind: 'work-note', text: 'looking into it' }, { actor: agent }, new Date(reportedAt.getTime() + 63 * MINUTE));
    expect(changed.clocks.find((clock) => clock.slaId === slaId && clock.target === 'resolution')).toMatchObject({ stage: 'breached', breached: true });
  });

  it('publishes a firing that was recorded but left unpublished (a crash), once, and drops one whose record lost, unpublished', async () => {
    const reportedAt = new Date('2026-11-04T09:00:00Z');
    const [crashed, raced] = await Promise.all([report(reportedAt), report(reportedAt)]);
    const now = new Date(reportedAt.getTime() + 35 * MINUTE);
    // What a sweep does before it publishes: its firings inserted, the incidents' records written; then the process dies.
    const reads = await main.get(IncidentLifecycleRepository).findManyForChange([crashed, raced], 2);
    const advances = reads.map((read) => ({ read, update: advanceSlas(read.slas, now, () => undefined) }));
    const firings = advances.flatMap(slaFiringsOf);
    expect(firings).toHaveLength(2);
    await db.collection('sla_firings').insertMany(firings.map((firing) => ({ ...firing, _id: firing._id as never, leaseUntil: new Date(Date.now() + 30_000) })));
    // The raced incident was changed by someone else since the read (a work note): its record loses, only the crashed one is recorded.
    await main.get(ChangeIncident).execute(raced, 1, { kind: 'work-note', text: 'on it' }, { actor: agent }, new Date(reportedAt.getTime() + 10 * MINUTE));
    const written = await main.get(ChangeIncident).recordFiredAdvances(advances, now, 2);
    expect([...written]).toEqual([crashed]);

    const recovery = main.get(SlaFiringRecoverySweep);
    expect(await recovery.sweep(new Date())).toBe(0); // the sweep's lease still holds
    expect(await recovery.sweep(new Date(Date.now() + 60_000))).toBe(2);
    expect(await recovery.sweep(new Date(Date.now() + 60_000))).toBe(0);
    await settle();

    expect(slaEvents(crashed, SLA_WARNING_V1.type)).toHaveLength(1);
    expect(slaEvents(raced, SLA_WARNING_V1.type)).toHaveLength(0);
    expect(await firingsLeft()).toBe(0);
    // The raced incident's warning is still to fire: the next sweep fires it from the version that won.
    await main.get(SlaSweep).sweep(now);
    await settle();
    expect(slaEvents(raced, SLA_WARNING_V1.type)).toHaveLength(1);
    expect((slaEvents(raced, SLA_WARNING_V1.type)[0]?.body.data as { recordVersion: number }).recordVersion).toBe(3);
  });
});
