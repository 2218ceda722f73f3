#!/usr/bin/env node
// @ts-check
/**
 * Store-scale benchmark: what the operation service's reads and writes cost as incidents
 * accumulate, each figure with its ratio to the same figure at the smallest size, in one run.
 *
 *   node bench/store-scale/run.mjs [--build] [--dist <dir>] [--without-gin]   (npm run bench:store-scale)
 *
 * Every size (1,000, 10,000, 100,000 existing incidents) has a database and a RabbitMQ vhost of its
 * own, and all are set up before anything is measured, so that what is measured alternates between
 * the sizes and a change of load on the (shared) machine falls on all of them alike:
 *   1. per size, the operation apps (query and intake roles) and a gateway start on its database and
 *      vhost (so the apps create the collections and indexes, as in production); `size` incidents
 *      are bulk-inserted in the stored shape, one every ITSM_BENCH_SPACING_MS (10 ms) of id time, the
 *      newest just now (largest size first); before each turn of a size, the incidents due since
 *      are added at that rate and as many of the oldest deleted (a live desk, whose history reaches
 *      the present, in a window of the size's length); then PostgreSQL's ANALYZE (what autovacuum does within a minute of such a load) when the server
 *      is FerretDB on PostgreSQL;
 *   2. ITSM_BENCH_ROUNDS (5) rounds, each visiting every size (the order rotating), one client, one
 *      operation at a time, a round's share of:
 *      - list: the first page (50) filtered by state and priority, through the build's own
 *        IncidentRepository.list;
 *      - find by id: IncidentRepository.findById of a random seeded incident;
 *      - update by id with the version guard: updateOne({_id, outboxSeq}, …), the guard the
 *        outbox relay's mark-sent uses, checked to have matched;
 *   3. intake, after 30 untimed reports per size: two rounds per size, alternating, each of half of
 *      ITSM_BENCH_INTAKE_REPORTS (300) reports POSTed to the gateway over 25 connections, from the
 *      first POST until the created event of every one has arrived on a queue of the bench's own
 *      (so stored, and published).
 * Options: --dist <dir> runs another build (e.g. the one before a change); --without-gin drops
 * the launcher's GIN companion indexes in the bench's databases (FerretDB's own indexes only).
 * See bench/store-scale/README.md and docs/BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  anomalyRecorder,
  amqpUrlOf,
  analyzeIncidents,
  argValue,
  benchGatewayEnv,
  benchContext,
  buildFingerprint,
  childLauncher,
  cleanupOnSignals,
  connectServers,
  cpuBusy,
  deleteVhost,
  ensureVhost,
  ferretPsql,
  fmtMs,
  fmtRatio,
  freePort,
  incidentReportBody,
  freshLogDir,
  ginCompanions,
  int,
  lcgRandom,
  log,
  machineFacts,
  printAnomalies,
  mintDevToken,
  problemLines,
  resultsJson,
  round,
  runBench,
  runLoad,
  seedPublishedService,
  sleep,
  snapshotBuild,
  stopAllChildren,
  stopChild,
  waitReady,
} from '../lib/support.mjs';

const require = createRequire(import.meta.url);
const { root, resultsDir, logDir, buildCopy, issuerDir, ctl, stamp, internalTokenSecret } = benchContext(import.meta.url);

const env = process.env;

const settings = {
  sizes: (env.ITSM_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number),
  spacingMs: int(env.ITSM_BENCH_SPACING_MS, 10),
  listPages: int(env.ITSM_BENCH_LIST_PAGES, 40),
  pointOps: int(env.ITSM_BENCH_POINT_OPS, 300),
  intakeReports: int(env.ITSM_BENCH_INTAKE_REPORTS, 300),
  rounds: Math.max(1, int(env.ITSM_BENCH_ROUNDS, 5)),
  intakeRounds: 2,
  intakeWarmup: 30,
  intakeConnections: 25,
  listFilter: { state: 'new', priority: 3 },
  listLimit: 50,
  withoutGin: process.argv.includes('--without-gin'),
  dist: argValue('--dist') ?? path.join(root, 'dist'),
};

const BODY = incidentReportBody('store-scale');

/** One vhost per size, so that each size's intake consumes only its own gateway's reports. */
const vhostOf = (size) => `itsm_bench_store_${size}`;
const STATES = ['new', 'in_progress', 'on_hold', 'resolved', 'closed'];
const PRIORITY = [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
];

const prefix = `bench_store_${stamp}`;
const databases = new Set();
const { anomalies, anomaly } = anomalyRecorder();
const handles = [];
const vhosts = new Set();
/** The broker's URL without a vhost (ITSM_AMQP_URL's host and credentials, or the local default). */
let amqpBase = '';
let mongoUrl = '';
let mongoClient;
let postgresPort;
let requestHeaders = {};
let cleaningUp;

async function cleanup() {
  cleaningUp ??= (async () => {
    await stopAllChildren().catch((error) => log(`stopping children: ${error.message}`));
    if (mongoClient) for (const name of databases) await mongoClient.db(name).dropDatabase().catch(() => undefined);
    for (const vhost of vhosts) {
      try {
        deleteVhost(vhost, ctl);
      } catch (error) {
        log(`could not delete vhost ${vhost}: ${error.message}`);
      }
    }
    fs.rmSync(buildCopy, { recursive: true, force: true });
    fs.rmSync(issuerDir, { recursive: true, force: true });
    await mongoClient?.close().catch(() => undefined);
  })();
  return cleaningUp;
}

cleanupOnSignals(cleanup, { announce: true });

// ---------------------------------------------------------------------------
// The build under test, loaded in this process for the reads and started as apps for intake

const built = (relative) => path.join(buildCopy, relative);

function prepareBuild() {
  const ownDist = settings.dist === path.join(root, 'dist');
  if (ownDist && (process.argv.includes('--build') || !fs.existsSync(path.join(settings.dist, 'apps', 'operation', 'src', 'main.js')))) {
    log('building the apps (npm run build)');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  }
  if (!fs.existsSync(path.join(settings.dist, 'apps', 'operation', 'src', 'main.js'))) throw new Error(`no build in ${settings.dist}`);
  snapshotBuild(settings.dist, buildCopy);
  const fingerprint = buildFingerprint(buildCopy);
  log(`running a snapshot of ${settings.dist} (build ${fingerprint.sha256}, files from ${fingerprint.builtAt})`);
  return fingerprint;
}

const child = childLauncher(logDir, handles);

/** The broker URL of one vhost, created for the run. */
function vhostUrl(vhost) {
  ensureVhost(vhost, ctl);
  vhosts.add(vhost);
  return amqpUrlOf(amqpBase, vhost);
}

async function startApps(dbName, amqpUrl) {
  await seedPublishedService(mongoClient, dbName);
  const queryPort = await freePort();
  const intakePort = await freePort();
  const gatewayPort = await freePort();
  // Each app serves its metrics on a port of its own (the default, 9464, is one per machine).
  const [queryMetricsPort, intakeMetricsPort, gatewayMetricsPort] = [await freePort(), await freePort(), await freePort()];
  const common = { ITSM_AMQP_URL: amqpUrl, ITSM_MONGO_URL: mongoUrl, ITSM_LOG_LEVEL: 'warn', ITSM_INTERNAL_TOKEN_SECRET: internalTokenSecret };
  const operation = (roles, port, metricsPort) =>
    child(`operation-${roles}-${dbName.split('_').pop()}`, built('apps/operation/src/main.js'), {
      ...common,
      ITSM_OPERATION_ROLES: roles,
      ITSM_OPERATION_PORT: String(port),
      ITSM_METRICS_PORT: String(metricsPort),
      ITSM_OPERATION_DB: dbName,
    });
  const query = operation('query', queryPort, queryMetricsPort);
  const intake = operation('intake', intakePort, intakeMetricsPort);
  const gatewayDb = `${dbName}_gateway`;
  databases.add(gatewayDb);
  const gateway = child(
    `gateway-${dbName.split('_').pop()}`,
    built('apps/gateway/src/main.js'),
    benchGatewayEnv({ amqpUrl, mongoUrl, gatewayDb, port: gatewayPort, metricsPort: gatewayMetricsPort, queryPort, internalTokenSecret, issuerDir }),
  );
  await Promise.all([
    waitReady(query, `http://127.0.0.1:${queryPort}/health/ready`),
    waitReady(intake, `http://127.0.0.1:${intakePort}/health/ready`),
    waitReady(gateway, `http://127.0.0.1:${gatewayPort}/health/ready`),
  ]);
  return { processes: [query, intake, gateway], gatewayUrl: `http://127.0.0.1:${gatewayPort}/api/v1/incidents` };
}

// ---------------------------------------------------------------------------
// PostgreSQL behind FerretDB (only there: MongoDB needs none of it)

/** The GIN companions of one FerretDB database (a PostgreSQL schema of the same name). */
const companions = (dbName) => ginCompanions(postgresPort, dbName);

function dropCompanions(dbName) {
  ferretPsql(
    postgresPort,
    `DO $$ DECLARE r record; BEGIN FOR r IN SELECT schemaname, indexname FROM pg_indexes WHERE schemaname = '${dbName}' AND indexname LIKE '%\\_gin' ` +
      `LOOP EXECUTE format('DROP INDEX %I.%I', r.schemaname, r.indexname); END LOOP; END $$`,
  );
}

// ---------------------------------------------------------------------------
// Seeding: incidents in the stored shape, one every spacingMs of id time, the newest just now

function seededIncident(acceptedAt, sequence, next, timeBucketsOf, uuidV7) {
  const id = uuidV7(acceptedAt);
  const stored = new Date(acceptedAt + 40);
  const impact = 1 + Math.floor(next() * 3);
  const urgency = 1 + Math.floor(next() * 3);
  return {
    _id: id,
    number: `SEED${String(sequence).padStart(7, '0')}`,
    title: 'Seeded: the printer on the third floor prints blank pages',
    description: 'Reported by the store-scale benchmark. Toner replaced yesterday; the test page is blank as well.',
    callerId: `user-${Math.floor(next() * 500)}`,
    impact,
    urgency,
    priority: PRIORITY[impact - 1][urgency - 1],
    state: STATES[Math.floor(next() * STATES.length)],
    category: 'hardware',
    serviceId: 'svc-print',
    intakeMessageId: `seed-${id}`,
    reportedAt: new Date(acceptedAt),
    createdAt: stored,
    updatedAt: stored,
    listBuckets: timeBucketsOf(id, stored),
    outbox: [],
    outboxSeq: 1,
    outboxPending: false,
  };
}

/**
 * Inserts `count` incidents back from now and fills the time the insert took; `topUp()` brings the
 * history up to now before a size's turn and deletes as many of the oldest (without it, the first page
 * would begin with a stretch of nothing, which no live desk at that rate has).
 */
async function seed(dbName, count, tools) {
  const collection = mongoClient.db(dbName).collection('incidents');
  const next = lcgRandom(count);
  const ids = [];
  const started = Date.now();
  let sequence = 0;
  /** Incidents accepted in (from - amount * spacing, from], newest first. */
  const insertRange = async (from, amount) => {
    for (let offset = 0; offset < amount; offset += 1_000) {
      const batch = [];
      for (let index = offset; index < Math.min(amount, offset + 1_000); index++) {
        batch.push(seededIncident(from - index * settings.spacingMs, ++sequence, next, tools.timeBucketsOf, tools.uuidV7));
      }
      await collection.insertMany(batch, { ordered: false });
      for (const incident of batch) ids.push(incident._id);
    }
  };
  await insertRange(started, count);
  let newest = started;
  const catchUp = async () => {
    const due = Math.floor((Date.now() - 40 - newest) / settings.spacingMs);
    if (due <= 0) return;
    const until = newest + due * settings.spacingMs;
    await insertRange(until, due);
    newest = until;
  };
  for (let pass = 0; pass < 5 && Date.now() - newest > 1_000; pass++) await catchUp();
  const seconds = (Date.now() - started) / 1000;
  log(`${dbName}: seeded ${ids.length} incidents in ${seconds.toFixed(1)} s (${Math.round(ids.length / seconds)}/s)`);
  if (postgresPort) analyzeIncidents(postgresPort, dbName);
  const seeded = ids.length;
  // Oldest first (ids are time-ordered); the live ones are those from `head` on.
  const byAge = [...ids].sort();
  let head = 0;
  /**
   * Before each of this size's turns: the incidents due since the last one at the seeding rate, so the
   * history reaches the present without a gap, as on a live desk at that rate, and as many of the
   * oldest deleted, so the size stays what it says (a sliding window: first pages never reach back there).
   */
  const topUp = async () => {
    const before = ids.length;
    await catchUp();
    const added = ids.slice(before);
    byAge.push(...added.sort());
    const expired = byAge.slice(head, head + added.length);
    head += expired.length;
    for (let offset = 0; offset < expired.length; offset += 25) {
      await Promise.all(expired.slice(offset, offset + 25).map((id) => collection.deleteOne({ _id: id })));
    }
  };
  return {
    count: seeded,
    topUp,
    /** A random live incident's id. */
    pick: (draw) => byAge[head + Math.floor(draw * (byAge.length - head))],
    /** How many incidents the turns added (and as many deleted). */
    streamed: () => ids.length - seeded,
    live: () => byAge.length - head,
  };
}

// ---------------------------------------------------------------------------
// Measuring

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};

async function timed(times, operation) {
  const started = performance.now();
  const result = await operation();
  times.push(performance.now() - started);
  return result;
}

function summary(times) {
  return { medianMs: median(times), p90Ms: percentile(times, 0.9), meanMs: times.reduce((sum, value) => sum + value, 0) / times.length, samples: times.length };
}

/**
 * What is measured in one database, a round at a time: `round(share)` runs `share` of the list pages,
 * finds and guarded updates and adds their times to the samples; `close()` returns the summaries.
 */
async function openReader(dbName, seeded, tools) {
  const mongoose = require('mongoose');
  const connection = await mongoose.createConnection(mongoUrl, { dbName, maxPoolSize: 4 }).asPromise();
  const { IncidentRecord, IncidentSchema } = tools.schema;
  const model = connection.model(IncidentRecord.name, IncidentSchema);
  const repository = new tools.IncidentRepository(model);
  const collection = mongoClient.db(dbName).collection('incidents');
  const next = lcgRandom(7);
  const pick = () => seeded.pick(next());
  const list = [];
  const find = [];
  const update = [];
  const versions = new Map();
  return {
    async round(share) {
      await seeded.topUp();
      for (let index = 0; index < share(settings.listPages); index++) {
        const page = await timed(list, () => repository.list(settings.listFilter, { limit: settings.listLimit }));
        if (page.items.length !== settings.listLimit) anomaly(`${dbName}: a first page held ${page.items.length} incidents, not ${settings.listLimit}`);
      }
      for (let index = 0; index < share(settings.pointOps); index++) {
        const id = pick();
        const found = await timed(find, () => repository.findById(id));
        if (found?._id !== id) anomaly(`${dbName}: findById(${id}) found ${found?._id}`);
      }
      for (let index = 0; index < share(settings.pointOps); index++) {
        const id = pick();
        const seq = versions.get(id) ?? 1;
        const result = await timed(update, () => collection.updateOne({ _id: id, outboxSeq: seq }, { $set: { updatedAt: new Date() }, $inc: { outboxSeq: 1 } }));
        if (result.modifiedCount !== 1) anomaly(`${dbName}: the guarded update of ${id} at ${seq} matched nothing`);
        versions.set(id, seq + 1);
      }
    },
    async close() {
      await connection.close();
      return { list: summary(list), findById: summary(find), updateGuarded: summary(update) };
    },
  };
}

/**
 * The `incident.created` events the relay publishes, counted as they arrive on a queue of the bench's own
 * bound to itsm.events: an event is published only after its incident was stored with it, so the count
 * says "stored and published" without polling the database (a count there would cost more the more
 * incidents there are, and so bias the very figure measured).
 */
async function createdEvents(amqpUrl) {
  const amqp = require('amqplib');
  const connection = await amqp.connect(amqpUrl);
  const channel = await connection.createChannel();
  await channel.checkExchange('itsm.events'); // declared by the apps, with their arguments
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, 'itsm.events', 'itsm.operation.incident.created.v1');
  const state = { count: 0, at: 0 };
  await channel.consume(queue, () => {
    state.count += 1;
    state.at = Date.now();
  }, { noAck: true });
  return { state, close: () => connection.close() };
}

/** POSTs `count` reports and waits until the created event of every one is published; returns the elapsed time. */
async function intakeRound(dbName, gatewayUrl, count, events) {
  const before = events.state.count;
  const started = Date.now();
  const load = await runLoad({ url: gatewayUrl, connections: settings.intakeConnections, amount: count, body: BODY, headers: requestHeaders });
  if (load.accepted !== count) anomaly(`${dbName}: ${load.accepted} of ${count} reports accepted (${JSON.stringify(load.statusCodes)})`);
  const deadline = Date.now() + 180_000;
  while (events.state.count < before + load.accepted) {
    if (Date.now() > deadline) throw new Error(`${dbName}: intake did not store and publish ${load.accepted} reports within 180 s (${events.state.count - before} events)`);
    await sleep(20);
  }
  const seconds = (events.state.at - started) / 1000;
  // Published, then marked sent: nothing may stay pending.
  const pendingUntil = Date.now() + 30_000;
  let pending = 0;
  while ((pending = await mongoClient.db(dbName).collection('incidents').countDocuments({ outboxPending: true })) > 0 && Date.now() < pendingUntil) await sleep(200);
  if (pending > 0) anomaly(`${dbName}: ${pending} incident(s) still have unpublished outbox events 30 s after the round`);
  return { seconds, accepted: load.accepted, acceptP50Ms: load.latencyMs.p50, acceptP99Ms: load.latencyMs.p99 };
}

/** One size ready to be measured: its database seeded, its apps started on its vhost. */
async function prepareSize(size, tools) {
  const dbName = `${prefix}_${size}`;
  databases.add(dbName);
  const amqpUrl = vhostUrl(vhostOf(size));
  const apps = await startApps(dbName, amqpUrl);
  if (postgresPort) {
    if (settings.withoutGin) dropCompanions(dbName);
    log(`${dbName}: ${companions(dbName)} GIN companion index(es)`);
  }
  const seeded = await seed(dbName, size, tools);
  const reader = await openReader(dbName, seeded, tools);
  return { size, dbName, amqpUrl, apps, seeded, reader };
}

/** The sizes in the order of round `round`: rotated by one each round, so no size is always measured first. */
function rotated(contexts, round) {
  return contexts.map((_, index) => contexts[(index + round) % contexts.length]);
}

async function measureAll(contexts) {
  const busyBefore = await cpuBusy(1000);
  for (let pass = 0; pass < settings.rounds; pass++) {
    // This round's share of each count: the counts spread evenly over the rounds.
    const share = (total) => Math.floor((total * (pass + 1)) / settings.rounds) - Math.floor((total * pass) / settings.rounds);
    for (const context of rotated(contexts, pass)) await context.reader.round(share);
    log(`reads: round ${pass + 1} of ${settings.rounds} done (load average ${os.loadavg().map((value) => round(value, 2)).join(' ')})`);
  }
  const reads = new Map();
  for (const context of contexts) {
    reads.set(context.size, await context.reader.close());
    context.streamed = context.seeded.streamed();
  }
  for (const context of contexts) context.events = await createdEvents(context.amqpUrl);
  for (const context of contexts) await intakeRound(context.dbName, context.apps.gatewayUrl, settings.intakeWarmup, context.events);
  const intake = new Map(contexts.map((context) => [context.size, []]));
  for (let pass = 0; pass < settings.intakeRounds; pass++) {
    for (const context of rotated(contexts, pass)) {
      intake.get(context.size).push(await intakeRound(context.dbName, context.apps.gatewayUrl, Math.round(settings.intakeReports / settings.intakeRounds), context.events));
    }
  }
  const results = [];
  for (const context of contexts) {
    await context.events.close();
    const rounds = intake.get(context.size);
    const accepted = rounds.reduce((sum, value) => sum + value.accepted, 0);
    const seconds = rounds.reduce((sum, value) => sum + value.seconds, 0);
    const result = {
      size: context.size,
      seeded: context.seeded.count,
      streamedDuringReads: context.streamed,
      cpuBusyBefore: round(busyBefore, 2),
      ...reads.get(context.size),
      intake: { accepted, seconds, perS: accepted / seconds, rounds },
    };
    log(
      `${context.size}: list ${fmtMs(result.list.medianMs)} ms, findById ${fmtMs(result.findById.medianMs)} ms, guarded update ${fmtMs(result.updateGuarded.medianMs)} ms, ` +
        `intake ${Math.round(result.intake.perS)}/s`,
    );
    results.push(result);
  }
  return results;
}

// ---------------------------------------------------------------------------

function printTable(results, meta) {
  const base = results[0];
  const rows = [
    ['first list page (state, priority), median ms', (r) => r.list.medianMs, 'ms'],
    ['find by id, median ms', (r) => r.findById.medianMs, 'ms'],
    ['update by id + version guard, median ms', (r) => r.updateGuarded.medianMs, 'ms'],
    ['intake, accepted -> stored and published, /s', (r) => r.intake.perS, '/s'],
  ];
  console.log('');
  console.log('=============================== store-scale benchmark ===============================');
  console.log(meta);
  console.log('');
  console.log(`${'figure'.padEnd(48)}${results.map((r) => `${r.size.toLocaleString('en')} incidents`.padStart(22)).join('')}`);
  for (const [label, value, unit] of rows) {
    const cells = results.map((r) => {
      const figure = value(r);
      // Times: ratio = this / the smallest size's (above 1 is slower); rates: the smallest size's / this (above 1 is slower).
      const factor = unit === 'ms' ? figure / value(base) : value(base) / figure;
      return `${unit === 'ms' ? fmtMs(figure) : Math.round(figure)} (${fmtRatio(factor)} x)`.padStart(22);
    });
    console.log(`${label.padEnd(48)}${cells.join('')}`);
  }
  console.log('');
  console.log('(x: how many times slower than with the smallest number of incidents; targets at 100,000: point operations and intake 1.5, list 2)');
  printAnomalies(anomalies);
  console.log('======================================================================================');
}

async function main() {
  freshLogDir(logDir);
  const startedAt = new Date();

  // The broker's host and credentials (the vhosts are the bench's own, made with rabbitmqctl: ITSM_RABBITMQ_HOME, ITSM_RABBITMQ_NODE) and the database server.
  const servers = await connectServers(root, { ignoreUndefined: true });
  ({ amqpBase, mongoUrl, mongoClient } = servers);
  const { broker, wire } = servers;
  postgresPort = wire.postgresPort;
  if (settings.withoutGin && !postgresPort) throw new Error('--without-gin needs FerretDB on a local PostgreSQL');
  const server = wire.description;
  log(`servers: ${broker}; ${server}`);

  const build = prepareBuild();
  requestHeaders = { authorization: `Bearer ${mintDevToken(built('apps/gateway/src/mint-dev-token.js'), issuerDir, root)}` };
  require('reflect-metadata');
  const tools = {
    schema: require(built('libs/operation/incidents/src/persistence/incident.schema.js')),
    IncidentRepository: require(built('libs/operation/incidents/src/persistence/incident.repository.js')).IncidentRepository,
    uuidV7: require(built('libs/shared/contracts/src/index.js')).uuidV7,
    // Builds before list buckets store none (the field is left out, ignoreUndefined).
    timeBucketsOf: fs.existsSync(built('libs/shared/time-buckets/src/index.js')) ? require(built('libs/shared/time-buckets/src/index.js')).timeBucketsOf : () => undefined,
  };

  const busy = await cpuBusy(2000);
  log(`CPU busy before the run (other work on this machine): ${Math.round(busy * 100)}%`);
  // Largest first: the histories of the small sizes, seeded in seconds, then end closest to the first reads.
  const contexts = [];
  for (const size of [...settings.sizes].sort((a, b) => b - a)) contexts.push(await prepareSize(size, tools));
  contexts.sort((a, b) => settings.sizes.indexOf(a.size) - settings.sizes.indexOf(b.size));
  const results = await measureAll(contexts);
  for (const context of contexts) for (const handle of context.apps.processes) await stopChild(handle);

  for (const handle of handles) {
    const lines = problemLines(handle.logFile);
    if (lines.length > 0) anomaly(`${handle.name} logged ${lines.length} warning/error line(s), first: ${lines.slice(0, 2).join(' | ').slice(0, 400)}`);
  }
  const machine = machineFacts();
  const finishedAt = new Date();
  const meta =
    `${startedAt.toISOString()}; build ${build.sha256}${settings.withoutGin ? ', WITHOUT the GIN companions' : ''}; ${machine.nproc} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}; ${broker}; ${server}\n` +
    `seeded one incident every ${settings.spacingMs} ms of id time up to now, brought up to now before each size's turn (as many of the oldest deleted); list ${settings.listPages} first pages of ${settings.listLimit} (${JSON.stringify(settings.listFilter)}), ${settings.pointOps} finds and guarded updates, ` +
    `sizes alternating: ${settings.rounds} rounds of reads, intake ${settings.intakeReports} reports per size in ${settings.intakeRounds} rounds over ${settings.intakeConnections} connections (after ${settings.intakeWarmup} untimed); CPU busy before: ${Math.round(busy * 100)}%; run took ${Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000)} s`;
  printTable(results, meta);
  fs.writeFileSync(
    path.join(resultsDir, 'latest.json'),
    resultsJson({ status: 'ok', startedAt, finishedAt, build, withoutGin: settings.withoutGin, machine, server, broker, settings, results, anomalies }, 3),
  );
}

await runBench(main, cleanup);
