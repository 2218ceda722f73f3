#!/usr/bin/env node
// @ts-check
/**
 * SLA benchmark: what the SLA engine costs at scale on the servers `npm run infra` provides, in one run.
 *
 *   node bench/sla/run.mjs [--dist <dir>]   (npm run bench:sla; run `npm run build` first)
 *
 * 1. Re-plan at a calendar revision: ITSM_BENCH_SLA_CLOCKS (100,000) incidents with a running clock on
 *    one office-hours calendar (clones of one incident registered through the build's RegisterIncident,
 *    so the stored shape is intake's), in a database and a vhost of the bench's own, with the operation
 *    app (intake and query roles) running in this process on them. Then, alternating A B A B
 *    (ITSM_BENCH_ROUNDS, 2): A, a calendar revision (a holiday added on the day every clock's next
 *    warning falls, or taken away again) re-planned by the build's ReplanCalendarClocks, every clock
 *    moved; B, the bare bulk write of the same documents on the same server: read by the same indexed
 *    equality, written back 500 a time as one unordered bulkWrite of version-guarded `$set`s of the same
 *    fields (no domain, no leases). Printed: clocks per second of each, and A / B (target >= 0.5).
 * 2. Scheduler lag: ITSM_BENCH_SLA_DUE (10,000) incidents registered with a 24x7 clock whose 50 %
 *    warning falls due within one minute (spread evenly), in a second database and vhost, the SLA sweep
 *    at its production period (ITSM_SLA_SWEEP_SECONDS 5); a subscriber bound to
 *    `itsm.operation.sla.warning.v1` on the vhost notes when each warning arrives. Lag = arrival - due
 *    (the event's `at`); printed p50, p99 and max.
 * The machine's load (CPU busy before, `uptime`) is printed with the figures. See bench/sla/README.md and
 * docs/BENCHMARKS.md ("SLA engine").
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  amqpUrlOf,
  argValue,
  benchContext,
  cpuBusy,
  deleteVhost,
  describeMongoWire,
  ensureVhost,
  fmtMs,
  fmtRate,
  fmtRatio,
  int,
  log,
  machineFacts,
  mean,
  ratio,
  round,
  sleep,
  uptimeLine,
} from '../lib/support.mjs';

const require = createRequire(import.meta.url);
const { root, resultsDir, ctl } = benchContext(import.meta.url);

const env = process.env;
const settings = {
  dist: argValue('--dist') ?? path.join(root, 'dist'),
  clocks: int(env.ITSM_BENCH_SLA_CLOCKS, 100_000),
  due: int(env.ITSM_BENCH_SLA_DUE, 10_000),
  rounds: int(env.ITSM_BENCH_ROUNDS, 2),
};
const amqpBase = env.ITSM_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const mongoUrl = env.ITSM_MONGO_URL ?? 'mongodb://127.0.0.1:27017/';
const built = (file) => path.join(settings.dist, file);
const stamp = Date.now();
/** Berlin office hours; 2026-12-01 is a Tuesday. */
const berlin = (local) => new Date(`${local}+01:00`);
const OFFICE = [{ start: '08:00', end: '18:00' }];
const officeHours = (holidays) => ({
  timeZone: 'Europe/Berlin',
  weeklyHours: { monday: OFFICE, tuesday: OFFICE, wednesday: OFFICE, thursday: OFFICE, friday: OFFICE, saturday: [], sunday: [] },
  holidays,
});
const CONDITIONS = { start: ['new'], pause: ['on_hold'], resume: ['in_progress'], stop: ['resolved', 'closed'], reset: [], cancel: ['cancelled'] };
const SLA_EVENTS = 'itsm.operation.sla.#';

function tools() {
  require('reflect-metadata');
  const contracts = require(built('libs/shared/contracts/src/index.js'));
  return {
    contracts,
    design: require(built('libs/shared/contracts/src/design/index.js')),
    operation: require(built('libs/shared/contracts/src/operation/index.js')),
    loadConfig: require(built('libs/shared/config/src/index.js')).loadConfig,
    OperationConfig: require(built('apps/operation/src/operation.config.js')).OperationConfig,
    createOperationApp: require(built('apps/operation/src/operation.app.js')).createOperationApp,
    incidents: require(built('libs/operation/incidents/src/index.js')),
    serviceLevels: require(built('libs/operation/service-levels/src/index.js')),
    persistence: require(built('libs/shared/persistence/src/index.js')),
  };
}

/** The operation app (intake and query roles) in this process, on a database and vhost of its own. */
async function startOperation(t, name, sweepSeconds) {
  const vhost = `itsm_bench_sla_${name}_${stamp}`;
  ensureVhost(vhost, ctl);
  const amqpUrl = amqpUrlOf(amqpBase, vhost);
  const dbName = `bench_sla_${name}_${stamp}`;
  const config = t.loadConfig(t.OperationConfig, {
    ITSM_AMQP_URL: amqpUrl,
    ITSM_MONGO_URL: mongoUrl,
    ITSM_OPERATION_DB: dbName,
    ITSM_OPERATION_ROLES: 'intake,query',
    ITSM_LOG_LEVEL: env.ITSM_BENCH_LOG_LEVEL ?? 'warn',
    ITSM_INTERNAL_TOKEN_SECRET: 'bench-sla-internal-token-secret-0123456789abcdef',
    ITSM_INCIDENT_AUTO_CLOSE_SWEEP_SECONDS: '3600',
    ITSM_SLA_SWEEP_SECONDS: String(sweepSeconds),
  });
  log(`starting the operation app on database ${dbName}, vhost ${vhost}`);
  const app = await t.createOperationApp(config);
  await app.init();
  log('operation app started');
  return { app, vhost, amqpUrl, dbName };
}

async function stopOperation(context, mongoClient) {
  await context.app.close();
  await mongoClient.db(context.dbName).dropDatabase();
  deleteVhost(context.vhost, ctl);
}

const calendarEvent = (t, calendarId, version, holidays) =>
  t.contracts.createCloudEvent(t.design.CALENDAR_CHANGED_V1, calendarId, { calendarId, version, name: 'office hours', definition: officeHours(holidays) }, { service: 'design' });
const slaEvent = (t, slaId, fields) =>
  t.contracts.createCloudEvent(
    t.design.SLA_DEFINED_V1,
    slaId,
    { slaId, version: 1, name: slaId, kind: 'sla', appliesTo: { recordType: 'incident' }, conditions: CONDITIONS, warningThresholds: [50, 75, 90], ...fields },
    { service: 'design' },
  );
const register = async (t, app, reportedAt) => {
  const incidentId = t.contracts.uuidV7();
  const command = t.contracts.createCloudEvent(
    t.operation.REGISTER_INCIDENT_V1,
    incidentId,
    { incidentId, title: 'mail down', callerId: 'caller-1', actor: { userId: 'caller-1', roles: ['requester'], groups: [] }, impact: 2, urgency: 2, reportedAt: reportedAt.toISOString() },
    { service: 'bench' },
  );
  await app.get(t.incidents.RegisterIncident).execute(command, reportedAt);
  return incidentId;
};

/** Part 1: re-plan at a calendar revision against the bare bulk write of the same documents. */
async function replanBench(t, mongoClient) {
  const context = await startOperation(t, 'replan', 3600);
  const { app } = context;
  const record = app.get(t.serviceLevels.RecordDesignDefinitions);
  const calendarId = t.contracts.uuidV7();
  await record.calendarChanged(calendarEvent(t, calendarId, 1, []));
  log('calendar stored');
  await record.slaDefined(slaEvent(t, t.contracts.uuidV7(), { calendarId, calendarVersion: 1, targets: { resolutionMinutes: 480 } }));
  // Tuesday 17:00, H+8: the 50 % warning falls Wednesday 11:00; a holiday that Wednesday moves it to Thursday.
  const reportedAt = berlin('2026-12-01T17:00');
  log('service level stored');
  const templateId = await register(t, app, reportedAt);
  log('template registered');
  const incidents = mongoClient.db(context.dbName).collection('incidents');
  await sleep(500); // the relay empties the template's outbox
  const template = await incidents.findOne({ _id: templateId });
  if (!template?.slaCalendarIds) throw new Error(`the build stores no slaCalendarIds: it predates the re-plan at a calendar revision`);
  const { _id, outbox, outboxPending, outboxLeaseUntil, intakeEvents, ...shape } = template;
  log(`seeding ${settings.clocks} incidents with a running clock on the calendar`);
  const seedStart = Date.now();
  for (let offset = 0; offset < settings.clocks; offset += 1000) {
    const documents = [];
    for (let i = offset; i < Math.min(settings.clocks, offset + 1000); i += 1) {
      const id = t.contracts.uuidV7();
      documents.push({ ...shape, _id: id, intakeMessageId: id, number: `INCB${String(i).padStart(7, '0')}` });
    }
    await incidents.insertMany(documents, { ordered: false });
  }
  await incidents.deleteOne({ _id: templateId });
  log(`seeded in ${round((Date.now() - seedStart) / 1000, 1)} s`);

  const replan = app.get(t.incidents.ReplanCalendarClocks);
  const now = berlin('2026-12-01T17:30');
  let version = 1;
  const wednesday = { date: '2026-12-02', name: 'bench holiday' };
  const results = { replan: [], bare: [] };
  for (let roundIndex = 0; roundIndex < settings.rounds; roundIndex += 1) {
    // A: the revision (the holiday on, then off again: every clock moves each time).
    version += 1;
    await record.calendarChanged(calendarEvent(t, calendarId, version, version % 2 === 0 ? [wednesday] : []));
    const a0 = performance.now();
    const outcome = await replan.replan(calendarId, now);
    const aSeconds = (performance.now() - a0) / 1000;
    if (outcome.replanned !== settings.clocks) throw new Error(`re-planned ${JSON.stringify(outcome)} of ${settings.clocks}`);
    results.replan.push(settings.clocks / aSeconds);
    log(`round ${roundIndex + 1} A re-plan: ${settings.clocks} clocks in ${round(aSeconds, 1)} s = ${fmtRate(settings.clocks / aSeconds)} clocks/s`);
    // B: the bare bulk write of the same documents.
    const b0 = performance.now();
    const written = await bareBulkWrite(t, incidents, calendarId);
    const bSeconds = (performance.now() - b0) / 1000;
    if (written !== settings.clocks) throw new Error(`bare bulk write wrote ${written} of ${settings.clocks}`);
    results.bare.push(settings.clocks / bSeconds);
    log(`round ${roundIndex + 1} B bare bulk write: ${settings.clocks} documents in ${round(bSeconds, 1)} s = ${fmtRate(settings.clocks / bSeconds)} documents/s; A/B ${fmtRatio(ratio(settings.clocks / aSeconds, settings.clocks / bSeconds))}`);
  }
  await stopOperation(context, mongoClient);
  return { replanPerS: mean(results.replan), barePerS: mean(results.bare), ratio: ratio(mean(results.replan), mean(results.bare)), rounds: results };
}

/**
 * The floor of any re-plan: the same documents read by the same equality (to the end before any write),
 * written back as unordered bulk writes of version-guarded `$set`s of the same fields, no domain, no
 * leases, in commands of the size the project sends (`BULK_WRITE_MAX_STATEMENTS`: a longer command stalls
 * FerretDB on PostgreSQL, see libs/shared/persistence/src/bounded-bulk-write).
 */
async function bareBulkWrite(t, incidents, calendarId) {
  const projection = { _id: 1, version: 1, slas: 1, slaNextDueAt: 1, slaTicking: 1, slaCalendarIds: 1, slaBreached: 1 };
  const found = await incidents.find({ slaCalendarIds: calendarId }, { projection }).toArray();
  const size = t.persistence.BULK_WRITE_MAX_STATEMENTS;
  let written = 0;
  for (let start = 0; start < found.length; start += size) {
    const batch = found.slice(start, start + size).map(({ _id, version, slas, slaNextDueAt, slaTicking, slaCalendarIds, slaBreached }) => ({
      updateOne: { filter: { _id, version }, update: { $set: { slas, slaNextDueAt, slaTicking, slaCalendarIds, slaBreached, version: version + 1 } } },
    }));
    written += (await incidents.bulkWrite(batch, { ordered: false })).modifiedCount;
  }
  return written;
}

/** Part 2: lag from due to a warning reaching a subscriber, with `settings.due` clocks due in one minute. */
async function schedulerLagBench(t, mongoClient) {
  const context = await startOperation(t, 'lag', 5);
  const { app } = context;
  const record = app.get(t.serviceLevels.RecordDesignDefinitions);
  // 24x7 (no calendar), H+4 min: the 50 % warning falls 2 min after the report.
  await record.slaDefined(slaEvent(t, t.contracts.uuidV7(), { targets: { resolutionMinutes: 4 }, warningThresholds: [50] }));
  const amqp = require('amqplib');
  const connection = await amqp.connect(context.amqpUrl);
  const channel = await connection.createChannel();
  await channel.assertExchange('itsm.events', 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, 'itsm.events', SLA_EVENTS);
  const lags = new Map();
  // A sweep that reaches an incident after its breach instant reports the breach alone (the domain's rule: the
  // breach supersedes the warnings it passed). Such a warning is counted as superseded, its lag measured from the
  // warning's due instant (half the 4 min target before the breach) to the breach's arrival.
  const superseded = new Set();
  const WARNING_BEFORE_BREACH_MS = 120_000;
  await channel.consume(
    queue,
    (message) => {
      if (!message) return;
      const body = JSON.parse(message.content.toString());
      if (body.type === 'itsm.operation.sla.warning.v1' && !lags.has(body.subject)) lags.set(body.subject, Date.now() - Date.parse(body.data.at));
      if (body.type === 'itsm.operation.sla.breached.v1' && !lags.has(body.subject)) {
        superseded.add(body.subject);
        lags.set(body.subject, Date.now() - (Date.parse(body.data.at) - WARNING_BEFORE_BREACH_MS));
      }
    },
    { noAck: true },
  );
  const spacingMs = 60_000 / settings.due;
  const first = Date.now() + 2000;
  log(`registering ${settings.due} incidents whose warnings fall due between ${new Date(first + 120_000).toISOString()} and a minute later`);
  const registerStart = Date.now();
  const ids = [];
  for (let offset = 0; offset < settings.due; offset += 50) {
    const chunk = [];
    for (let i = offset; i < Math.min(settings.due, offset + 50); i += 1) chunk.push(register(t, app, new Date(first + i * spacingMs)));
    ids.push(...(await Promise.all(chunk)));
  }
  const registeredS = (Date.now() - registerStart) / 1000;
  log(`registered in ${round(registeredS, 1)} s`);
  if (Date.now() > first + 120_000) log(`warning: registration ended after the first warnings fell due`);
  const deadline = first + 180_000 + 300_000;
  const incidents = mongoClient.db(context.dbName).collection('incidents');
  // Where the warnings are: published or not (outbox pending: one equality); advanced by the sweep (a version
  // after intake's: a range, which FerretDB reads every incident for) only at the end.
  const unpublished = () => incidents.countDocuments({ outboxPending: true });
  const progress = async () => ({ advanced: await incidents.countDocuments({ version: { $gte: 2 } }), unpublished: await unpublished() });
  let lastReport = Date.now();
  while (lags.size < settings.due && Date.now() < deadline) {
    await sleep(1000);
    if (Date.now() - lastReport >= 15_000) {
      lastReport = Date.now();
      // The sweep's warnings wait in `sla_firings` (inserted, recorded, not yet published), not in incidents' outboxes.
      log(`warnings received: ${lags.size - superseded.size}, superseded by their breach: ${superseded.size}; unpublished outboxes: ${await unpublished()}; firings not yet published: ${await mongoClient.db(context.dbName).collection('sla_firings').countDocuments({})}`);
    }
  }
  const values = [...lags.values()].sort((a, b) => a - b);
  const at = (q) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
  const finalProgress = await progress();
  await connection.close();
  await stopOperation(context, mongoClient);
  return { warnings: values.length - superseded.size, superseded: superseded.size, expected: settings.due, ...finalProgress, registeredS: round(registeredS, 1), p50Ms: at(0.5), p99Ms: at(0.99), maxMs: values.at(-1) };
}

async function main() {
  fs.mkdirSync(resultsDir, { recursive: true });
  if (!fs.existsSync(built('apps/operation/src/operation.app.js'))) throw new Error(`no build in ${settings.dist}: npm run build first`);
  const { MongoClient } = require('mongodb');
  const mongoClient = new MongoClient(mongoUrl, { maxPoolSize: 4, serverSelectionTimeoutMS: 5000 });
  await mongoClient.connect();
  const wire = await describeMongoWire(mongoClient, mongoUrl, root);
  const machine = machineFacts();
  const uptimeBefore = uptimeLine();
  const busy = await cpuBusy(2000);
  log(`servers: ${wire.description}`);
  log(`machine: ${JSON.stringify(machine)}; uptime: ${uptimeBefore}; CPU busy before the run: ${Math.round(busy * 100)}%`);
  const t = tools();
  const replan = settings.clocks > 0 ? await replanBench(t, mongoClient) : undefined;
  if (replan) log(`re-plan at a calendar revision: ${fmtRate(replan.replanPerS)} clocks/s; bare bulk write ${fmtRate(replan.barePerS)} documents/s; ratio ${fmtRatio(replan.ratio)} (target >= 0.50)`);
  const lag = settings.due > 0 ? await schedulerLagBench(t, mongoClient) : undefined;
  if (lag) log(`scheduler lag, ${lag.warnings} of ${lag.expected} warnings due within one minute (and ${lag.superseded} superseded by their breach, counted from the warning's due instant): p50 ${fmtMs(lag.p50Ms)} ms, p99 ${fmtMs(lag.p99Ms)} ms, max ${fmtMs(lag.maxMs)} ms`);
  const uptimeAfter = uptimeLine();
  log(`uptime after: ${uptimeAfter}`);
  const results = { at: new Date().toISOString(), server: wire.description, machine, uptimeBefore, uptimeAfter, cpuBusyBefore: round(busy, 2), settings, replan, lag };
  fs.writeFileSync(path.join(resultsDir, `latest${settings.clocks > 0 ? '' : '-lag'}${settings.due > 0 ? '' : '-replan'}.json`), `${JSON.stringify(results, null, 2)}\n`);
  await mongoClient.close();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
