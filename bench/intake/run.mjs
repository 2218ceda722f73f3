#!/usr/bin/env node
// @ts-check
/**
 * Intake benchmark: the project's incident intake path against bare baselines
 * doing the same work on the same servers in the same run.
 *
 *   node bench/intake/run.mjs [--build]      (npm run bench:intake)
 *
 * Phase 1, accept (A B A B): autocannon POSTs incidents for a fixed time,
 *   consumers stopped, so only the accept path works:
 *   A = gateway (auth, validation, CloudEvent, confirm publish to itsm.commands -> quorum queue)
 *   B = bare Fastify server (JSON schema, confirm publish -> quorum queue)
 *   Figures: accepted req/s, p50/p99 latency. The queue depth afterwards is
 *   checked against the 202s, then the queue is purged.
 * Phase 2, end-to-end (A B A B, then A with 2 intake instances): autocannon
 *   sends a fixed number of reports while the consumers run ("fed at the same time"):
 *   A = gateway -> operation intake -> FerretDB (incident, number, outbox, created event)
 *   B = bare accept server -> bare amqplib consumer (insertOne, then ack)
 *   Each round has fresh consumer processes, a fresh database and 200 untimed reports first.
 *   Figure: persisted/s = accepted / (first POST .. last accepted report stored), the count
 *   polled every 200 ms, the end read from the last stored document's own timestamp.
 *
 * Everything runs on 127.0.0.1 in the bench's own RabbitMQ vhost and fresh
 * databases, removed at the end. See bench/intake/README.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  anomalyRecorder,
  benchContext,
  brokerVersion,
  buildFingerprint,
  busiestProcesses,
  childLauncher,
  cleanupOnSignals,
  foreignCpuMeter,
  cpuBusy,
  deleteVhost,
  ensureVhost,
  ferretDbModuleVersion,
  fmtMs,
  fmtRate,
  fmtRatio,
  freePort,
  incidentReportBody,
  freshLogDir,
  int,
  localFerretDbBackend,
  localPostgresVersion,
  log,
  machineFacts,
  mean,
  printAnomalies,
  benchGatewayEnv,
  mintDevToken,
  problemLines,
  purgeQueue,
  queueState,
  ratio,
  round,
  runLoad,
  seedPublishedService,
  sleep,
  snapshotBuild,
  stopAllChildren,
  stopChild,
  waitReady,
} from '../lib/support.mjs';

const require = createRequire(import.meta.url);
const { here, root, resultsDir, logDir, buildCopy, issuerDir, ctl, stamp, internalTokenSecret } = benchContext(import.meta.url);

const env = process.env;

const settings = {
  connections: int(env.ITSM_BENCH_CONNECTIONS, 50),
  durationS: int(env.ITSM_BENCH_DURATION_S, 10),
  rounds: int(env.ITSM_BENCH_ROUNDS, 2),
  warmupS: int(env.ITSM_BENCH_WARMUP_S, 2),
  e2eMessages: int(env.ITSM_BENCH_E2E_MESSAGES, 2000),
  e2eWarmupMessages: 200,
  secondIntake: env.ITSM_BENCH_SECOND_INTAKE !== '0',
  persistTimeoutS: int(env.ITSM_BENCH_PERSIST_TIMEOUT_S, 120),
  stallTimeoutS: int(env.ITSM_BENCH_STALL_TIMEOUT_S, 30),
  pollIntervalMs: 200,
  intakePrefetch: int(env.ITSM_INTAKE_PREFETCH, 64),
  /** The operation service's mongoose pool (PersistenceModule default); the bare consumer gets the same. */
  mongoPoolSize: 10,
  keep: env.ITSM_BENCH_KEEP === '1',
};

const BODY = incidentReportBody('intake');

const PROJECT_QUEUE = 'itsm.operation.incident-intake';
const PROJECT_PARKING_QUEUE = 'itsm.operation.parking';
const BARE_QUEUE = 'bench.bare.intake';
const BARE_EXCHANGE = 'bench.bare.commands';
const VHOST = 'itsm_bench';

// ---------------------------------------------------------------------------

const prefix = `bench_${stamp}`;
const databases = new Set();
const { anomalies, anomaly } = anomalyRecorder();
const handles = []; // every child started, for the log scan
let ownVhost = false;
let amqpUrl = '';
let mongoUrl = '';
let mongoClient;
let cleaningUp;
/** Headers every load request carries (the bearer token when the gateway wants one). */
let requestHeaders = {};
/** CPU used by processes other than the bench and the servers, per round. */
let otherWork = { start() {}, stop: () => undefined };

function noteOtherWork(label, result) {
  const other = otherWork.stop();
  if (!other) return;
  result.otherProcessesCpu = round(other.cpus, 2);
  if (other.cpus > 0.25) anomaly(`${label}: other processes used ${Math.round(other.cpus * 100)}% of a CPU meanwhile (${other.top.join(', ')}): this round's figures are depressed`);
}

const redact = (url) => url.replace(/\/\/[^@/]*@/, '//***@');

async function cleanup() {
  cleaningUp ??= (async () => {
    await stopAllChildren().catch((error) => log(`stopping children: ${error.message}`));
    if (settings.keep) {
      log(`ITSM_BENCH_KEEP=1: keeping databases ${[...databases].join(', ')}${ownVhost ? ` and vhost ${VHOST}` : ''}`);
    } else {
      if (mongoClient) {
        for (const name of databases) {
          await mongoClient.db(name).dropDatabase().catch((error) => log(`could not drop ${name}: ${error.message}`));
        }
      }
      if (ownVhost) {
        try {
          deleteVhost(VHOST, ctl);
        } catch (error) {
          log(`could not delete vhost ${VHOST}: ${error.message}`);
        }
      } else if (amqpUrl) {
        // Not our vhost: leave the queues, but not the messages this run left in them.
        await purgeQueue(amqpUrl, PROJECT_QUEUE).catch(() => undefined);
        await purgeQueue(amqpUrl, BARE_QUEUE).catch(() => undefined);
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
// Processes under test

const mains = {
  gateway: path.join(buildCopy, 'apps', 'gateway', 'src', 'main.js'),
  operation: path.join(buildCopy, 'apps', 'operation', 'src', 'main.js'),
  mintToken: path.join(buildCopy, 'apps', 'gateway', 'src', 'mint-dev-token.js'),
};

function prepareBuild() {
  const dist = path.join(root, 'dist');
  if (process.argv.includes('--build') || !fs.existsSync(path.join(dist, 'apps', 'gateway', 'src', 'main.js')) || !fs.existsSync(path.join(dist, 'apps', 'operation', 'src', 'main.js'))) {
    log('building the apps (npm run build)');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  }
  snapshotBuild(dist, buildCopy);
  build = buildFingerprint(buildCopy);
  log(`running a snapshot of dist/ taken now (${path.relative(root, buildCopy)}; build ${build.sha256}, files from ${build.builtAt}), so a rebuild during the run cannot mix versions`);
}
/** @type {{ sha256: string, files: number, builtAt: string } | undefined} */
let build;

/** The gateway asks for a bearer token when the build has the development issuer: mint one with it, in a directory of the bench's own. */
function prepareToken() {
  if (!fs.existsSync(mains.mintToken)) {
    log('this build has no development token issuer: sending no Authorization header');
    return undefined;
  }
  const token = mintDevToken(mains.mintToken, issuerDir, root);
  requestHeaders = { authorization: `Bearer ${token}` };
  log('minted a development bearer token (role service_desk_agent) for the gateway; the bare server gets the same header and ignores it');
  return token;
}

const child = childLauncher(logDir, handles);

async function startOperation(name, roles, dbName) {
  const port = await freePort();
  databases.add(dbName);
  await seedPublishedService(mongoClient, dbName);
  const handle = child(name, mains.operation, {
    ITSM_AMQP_URL: amqpUrl,
    ITSM_MONGO_URL: mongoUrl,
    ITSM_OPERATION_ROLES: roles,
    ITSM_OPERATION_PORT: String(port),
    // Every app serves metrics on a port of its own (9464 by default, which the next process would find taken).
    ITSM_METRICS_PORT: String(await freePort()),
    ITSM_OPERATION_DB: dbName,
    ITSM_INTAKE_PREFETCH: String(settings.intakePrefetch),
    ITSM_LOG_LEVEL: 'warn',
    ITSM_INTERNAL_TOKEN_SECRET: internalTokenSecret,
  });
  return { handle, port, ready: () => waitReady(handle, `http://127.0.0.1:${port}/health/ready`) };
}

async function startGateway(queryPort) {
  const port = await freePort();
  const gatewayDb = `${prefix}_gateway`;
  databases.add(gatewayDb);
  // Newer gateways keep idempotency records in a database of their own (touched only with an Idempotency-Key header).
  const handle = child(
    'gateway',
    mains.gateway,
    benchGatewayEnv({ amqpUrl, mongoUrl, gatewayDb, port, metricsPort: await freePort(), queryPort, internalTokenSecret, issuerDir }),
  );
  return { handle, port, ready: () => waitReady(handle, `http://127.0.0.1:${port}/health/ready`) };
}

async function startBareAccept() {
  const port = await freePort();
  const handle = child('bare-accept', path.join(here, 'bare-accept.mjs'), {
    BENCH_AMQP_URL: amqpUrl,
    BENCH_PORT: String(port),
    BENCH_EXCHANGE: BARE_EXCHANGE,
    BENCH_QUEUE: BARE_QUEUE,
  });
  return { handle, port, ready: () => waitReady(handle, `http://127.0.0.1:${port}/health/ready`) };
}

async function startBareConsumer(dbName) {
  const port = await freePort();
  databases.add(dbName);
  const handle = child('bare-consumer', path.join(here, 'bare-consumer.mjs'), {
    BENCH_AMQP_URL: amqpUrl,
    BENCH_MONGO_URL: mongoUrl,
    BENCH_DB: dbName,
    BENCH_PORT: String(port),
    BENCH_QUEUE: BARE_QUEUE,
    BENCH_PREFETCH: String(settings.intakePrefetch),
    BENCH_POOL: String(settings.mongoPoolSize),
  });
  return { handle, port, ready: () => waitReady(handle, `http://127.0.0.1:${port}/health/ready`) };
}

// ---------------------------------------------------------------------------
// Measuring

/** Exact count (countDocuments). On FerretDB it reads every document: ~35 us each, 170 ms at 5,000 incidents. */
const countStored = (dbName) => mongoClient.db(dbName).collection('incidents').countDocuments({});
/**
 * Count for the 200 ms poll: collStats' count where the server has it (FerretDB answers it with a plain row
 * count in ~10 ms whatever the documents' size), else countDocuments. Polling countDocuments every 200 ms would
 * keep a FerretDB core busy once a few thousand incidents are stored, disturbing what is measured; a reached
 * target is always confirmed with countDocuments.
 */
let collStatsCounts = true;
async function pollCount(dbName) {
  if (collStatsCounts) {
    try {
      const stats = await mongoClient.db(dbName).command({ collStats: 'incidents' });
      if (typeof stats.count === 'number') return stats.count;
    } catch (error) {
      if (!/not found|does not exist|NamespaceNotFound/i.test(String(error?.message))) collStatsCounts = false;
      else return 0;
    }
  }
  return countStored(dbName);
}

/**
 * Polls countDocuments every 200 ms until it reaches `target`; throws (loudly) on timeout, on a stall,
 * or when one of `watch` exits. Returns when (ms epoch) the count was first seen at or above target.
 */
async function waitForCount(dbName, target, { what, queue, watch = [], samples, base = 0 }) {
  const started = Date.now();
  let last = -1;
  let lastProgress = started;
  const exited = new Map();
  for (const handle of watch) handle.exited.then((code) => exited.set(handle.name, code));
  for (;;) {
    let count = await pollCount(dbName);
    const now = Date.now();
    samples?.push({ at: now, count: count - base });
    if (count >= target) {
      count = await countStored(dbName);
      if (count >= target) return { at: now, count };
    }
    if (count !== last) {
      last = count;
      lastProgress = now;
    }
    const dead = [...exited.entries()];
    const timedOut = now - started > settings.persistTimeoutS * 1000;
    const stalled = now - lastProgress > settings.stallTimeoutS * 1000;
    if (dead.length > 0 || timedOut || stalled) {
      const depth = queue ? await queueState(amqpUrl, queue).catch(() => undefined) : undefined;
      const parked = await queueState(amqpUrl, PROJECT_PARKING_QUEUE).catch(() => undefined);
      const why = dead.length > 0 ? dead.map(([name, code]) => `${name} exited (code ${code})`).join(', ') : timedOut ? `timed out after ${settings.persistTimeoutS} s` : `no progress for ${settings.stallTimeoutS} s`;
      throw new Error(
        `${what}: ${why}: only ${count} of ${target} accepted incidents are stored in ${dbName}.incidents` +
          (depth ? `; queue ${queue} holds ${depth.messages} ready message(s) with ${depth.consumers} consumer(s)` : '') +
          (parked ? `; ${PROJECT_PARKING_QUEUE} holds ${parked.messages}` : ''),
      );
    }
    await sleep(settings.pollIntervalMs);
  }
}

function checkStatuses(label, load) {
  if (load.accepted === 0 || load.statusCodes['429']) {
    const hint = load.statusCodes['429'] ? ' (429: a gateway rate limit the bench does not lift yet; see startGateway in bench/intake/run.mjs)' : '';
    throw new Error(`${label}: ${load.accepted} of ${load.requests} requests accepted, the figures would be meaningless; status codes ${JSON.stringify(load.statusCodes)}, ${load.errors} error(s)${hint}`);
  }
  const other = Object.entries(load.statusCodes).filter(([code]) => code !== '202');
  if (other.length > 0 || load.errors > 0 || load.timeouts > 0) {
    anomaly(
      `${label}: ${load.accepted} of ${load.requests} requests got 202; other statuses ${JSON.stringify(Object.fromEntries(other))}, ` +
        `${load.errors} connection error(s), ${load.timeouts} timeout(s)`,
    );
  }
}

async function parkedCheck(label) {
  const parked = await queueState(amqpUrl, PROJECT_PARKING_QUEUE);
  if (parked && parked.messages > 0) {
    anomaly(`${label}: ${parked.messages} message(s) parked in ${PROJECT_PARKING_QUEUE}`);
    await purgeQueue(amqpUrl, PROJECT_PARKING_QUEUE); // counted once, not again in the next round
  }
}

/** Phase 1: a timed load on an accept path whose consumer is stopped; the queue must then hold every accepted message. */
async function acceptRound({ label, kind, url, queue, durationS }) {
  await purgeQueue(amqpUrl, queue);
  log(`${label}: ${settings.connections} connections for ${durationS} s -> ${url}`);
  otherWork.start();
  const load = await runLoad({ url, connections: settings.connections, durationS, body: BODY, headers: requestHeaders });
  // Requests still in flight when autocannon stopped may be accepted a moment later: let the queue settle.
  let depth = -1;
  for (let attempt = 0; attempt < 20; attempt++) {
    await sleep(250);
    const now = (await queueState(amqpUrl, queue))?.messages ?? 0;
    if (now === depth) break;
    depth = now;
  }
  const result = { label, kind, load, queueDepthAfter: depth };
  noteOtherWork(label, result);
  if (depth < load.accepted) anomaly(`${label}: ${load.accepted} requests got 202 but the queue holds only ${depth} message(s)`);
  if (depth > load.accepted + load.unanswered) anomaly(`${label}: the queue holds ${depth} message(s), more than the ${load.accepted} accepted plus ${load.unanswered} unanswered at the stop`);
  checkStatuses(label, load);
  await purgeQueue(amqpUrl, queue);
  log(`${label}: ${fmtRate(load.acceptedPerS)} accepted/s (p50 ${fmtMs(load.latencyMs.p50)} ms, p99 ${fmtMs(load.latencyMs.p99)} ms), ${load.accepted} accepted, queue then held ${depth}`);
  return result;
}

/**
 * Each stored incident hands its created event to the outbox relay: wait until all are published, so that
 * this work does not spill into the next round, and flag any that are not.
 */
async function outboxSettled(label, dbName) {
  const deadline = Date.now() + 30_000;
  let pending = 0;
  for (;;) {
    pending = await mongoClient.db(dbName).collection('incidents').countDocuments({ outboxPending: true });
    if (pending === 0 || Date.now() > deadline) break;
    await sleep(500);
  }
  if (pending > 0) anomaly(`${label}: ${pending} incident(s) still have unpublished outbox events 30 s after being stored`);
  return pending;
}

/** The newest handling timestamp among stored documents (project: createdAt, bare: insertedAt). */
async function lastStoredAt(dbName, field) {
  const last = await mongoClient.db(dbName).collection('incidents').find({}, { projection: { [field]: 1 } }).sort({ [field]: -1 }).limit(1).next();
  const value = last?.[field] ? new Date(last[field]).getTime() : NaN;
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Phase 2: a fixed number of reports through a path whose consumer(s) run meanwhile; timed from the first POST
 * until all accepted are stored. countDocuments is polled every 200 ms from the first POST on (autocannon itself
 * returns only on its 1-second tick, so its return cannot be the clock); the figure uses the stored documents'
 * own timestamp of the last one, which the poll then confirms, so it is not rounded to the 200 ms poll.
 */
async function endToEndRound({ label, kind, url, dbName, queue, watch, consumers, messages, timestampField }) {
  if (settings.e2eWarmupMessages > 0) {
    // The consumers are fresh processes: a few reports first (not timed) to warm them up.
    const warm = await runLoad({ url, connections: settings.connections, amount: settings.e2eWarmupMessages, body: BODY, headers: requestHeaders });
    checkStatuses(`${label} (warm-up)`, warm);
    await waitForCount(dbName, warm.accepted, { what: `${label} (warm-up)`, queue, watch });
    if (kind === 'project') await outboxSettled(label, dbName);
  }
  const base = await countStored(dbName);
  otherWork.start();
  log(`${label}: ${messages} reports over ${settings.connections} connections -> ${url} (${consumers} consumer${consumers > 1 ? 's' : ''} running)`);
  const samples = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      samples.push({ at: Date.now(), count: (await pollCount(dbName)) - base });
      if (samples.at(-1).count >= messages) break;
      await sleep(settings.pollIntervalMs);
    }
  })();
  const load = await runLoad({ url, connections: settings.connections, amount: messages, body: BODY, headers: requestHeaders });
  const storedAtLoadEnd = (await countStored(dbName)) - base;
  polling = false;
  await poller;
  const reached = samples.find((sample) => sample.count >= load.accepted);
  const polledDoneAt = reached && (await countStored(dbName)) - base >= load.accepted ? reached.at : (await waitForCount(dbName, base + load.accepted, { what: label, queue, watch, samples, base })).at;
  const lastAt = await lastStoredAt(dbName, timestampField);
  const doneAt = lastAt !== undefined && lastAt <= polledDoneAt ? lastAt : polledDoneAt;
  const e2eS = (doneAt - load.startedAt) / 1000;
  const result = {
    label,
    kind,
    consumers,
    load,
    storedBefore: base,
    storedAtLoadEnd,
    endToEndS: e2eS,
    endToEndSource: doneAt === lastAt ? `last stored ${timestampField}` : 'countDocuments poll',
    polledEndToEndS: (polledDoneAt - load.startedAt) / 1000,
    persistedPerS: load.accepted / e2eS,
    polledPersistedPerS: load.accepted / ((polledDoneAt - load.startedAt) / 1000),
    /** Seconds from the first POST until half of the accepted reports were stored (from the 200 ms poll). */
    halfStoredS: ((samples.find((sample) => sample.count >= load.accepted / 2)?.at ?? NaN) - load.startedAt) / 1000,
    /** The 200 ms poll: [seconds since the first POST, stored]. */
    progress: samples.map((sample) => [round((sample.at - load.startedAt) / 1000, 2), sample.count]),
  };
  noteOtherWork(label, result);
  if (lastAt === undefined) anomaly(`${label}: the stored documents have no ${timestampField}; the figure uses the 200 ms count poll`);
  if (kind === 'project') {
    result.outboxPendingAfter = await outboxSettled(label, dbName);
    await parkedCheck(label);
  }
  await sleep(300);
  result.storedAfter = (await countStored(dbName)) - base;
  if (result.storedAfter !== load.accepted) anomaly(`${label}: ${load.accepted} requests accepted (202) but ${result.storedAfter} incidents stored`);
  checkStatuses(label, load);
  log(
    `${label}: ${load.accepted} accepted (p50 ${fmtMs(load.latencyMs.p50)} ms, p99 ${fmtMs(load.latencyMs.p99)} ms), ${storedAtLoadEnd} stored when autocannon returned, ` +
      `all stored ${e2eS.toFixed(2)} s after the first POST -> ${fmtRate(result.persistedPerS)} persisted/s (poll: ${result.polledEndToEndS.toFixed(2)} s)`,
  );
  return result;
}

// ---------------------------------------------------------------------------

function summarize(acceptRounds, e2eRounds) {
  const of = (rounds, kind, consumers) => rounds.filter((r) => r.kind === kind && (consumers === undefined || r.consumers === consumers));
  const pairRatios = (a, b, value) => a.map((entry, index) => round(ratio(value(entry), b[index] ? value(b[index]) : NaN), 2));
  const stat = (rounds, value) => mean(rounds.map(value));
  const acc = (r) => r.load.acceptedPerS;
  const p50 = (r) => r.load.latencyMs.p50;
  const p99 = (r) => r.load.latencyMs.p99;
  const e2e = (r) => r.persistedPerS;
  const summary = [];
  const projectAccept = of(acceptRounds, 'project');
  const bareAccept = of(acceptRounds, 'bare');
  summary.push({
    figure: 'gateway accept',
    unit: 'req/s',
    project: { perS: stat(projectAccept, acc), p50Ms: stat(projectAccept, p50), p99Ms: stat(projectAccept, p99) },
    baselineName: 'bare accept',
    baseline: { perS: stat(bareAccept, acc), p50Ms: stat(bareAccept, p50), p99Ms: stat(bareAccept, p99) },
    rounds: projectAccept.length,
    perRoundRatios: pairRatios(projectAccept, bareAccept, acc),
  });
  const bareE2e = of(e2eRounds, 'bare');
  for (const consumers of [1, 2]) {
    const projectE2e = of(e2eRounds, 'project', consumers);
    if (projectE2e.length === 0) continue;
    summary.push({
      figure: consumers === 1 ? 'end-to-end persisted, 1 intake' : 'end-to-end persisted, 2 intakes',
      unit: 'incidents/s',
      project: { perS: stat(projectE2e, e2e) },
      baselineName: 'bare persist, 1 consumer',
      baseline: { perS: stat(bareE2e, e2e) },
      rounds: projectE2e.length,
      perRoundRatios: pairRatios(projectE2e, bareE2e, e2e),
    });
  }
  for (const entry of summary) {
    entry.ratio = ratio(entry.project.perS, entry.baseline.perS);
    if (entry.project.p50Ms !== undefined) {
      entry.p50Ratio = ratio(entry.project.p50Ms, entry.baseline.p50Ms);
      entry.p99Ratio = ratio(entry.project.p99Ms, entry.baseline.p99Ms);
    }
  }
  return summary;
}

function summaryLine(entry) {
  const latency = (side) => (side.p50Ms !== undefined ? ` (p50 ${fmtMs(side.p50Ms)} ms, p99 ${fmtMs(side.p99Ms)} ms)` : '');
  const unit = entry.unit === 'req/s' ? ' req/s' : '/s';
  const rounds = entry.perRoundRatios.length > 1 ? `; per round ${entry.perRoundRatios.map(fmtRatio).join(', ')}` : '';
  const latencyRatios = entry.p50Ratio !== undefined ? `; latency p50 ${fmtRatio(entry.p50Ratio)} x, p99 ${fmtRatio(entry.p99Ratio)} x` : '';
  return `${entry.figure}: ${fmtRate(entry.project.perS)}${unit}${latency(entry.project)} = ${fmtRatio(entry.ratio)} x ${entry.baselineName} (${fmtRate(entry.baseline.perS)}${unit}${latency(entry.baseline)})${rounds}${latencyRatios}`;
}

function printSummary(summary, meta, acceptRounds, e2eRounds) {
  console.log('');
  console.log('================================== intake benchmark ==================================');
  console.log(meta);
  console.log('');
  console.log('round                                   req/s   p50 ms   p99 ms   accepted   persisted/s   other CPU');
  for (const r of [...acceptRounds, ...e2eRounds]) {
    const persisted = r.persistedPerS !== undefined ? fmtRate(r.persistedPerS) : '-';
    // A fixed-amount autocannon run ends on its 1-second tick: its req/s would be understated, so it is not shown.
    const perS = r.persistedPerS !== undefined ? '-' : fmtRate(r.load.acceptedPerS);
    console.log(
      `${r.label.padEnd(38)} ${perS.padStart(6)} ${fmtMs(r.load.latencyMs.p50).padStart(8)} ${fmtMs(r.load.latencyMs.p99).padStart(8)} ${String(r.load.accepted).padStart(10)} ${persisted.padStart(13)} ${(r.otherProcessesCpu === undefined ? '-' : `${Math.round(r.otherProcessesCpu * 100)}%`).padStart(11)}`,
    );
  }
  console.log('');
  for (const entry of summary) console.log(summaryLine(entry));
  printAnomalies(anomalies);
  console.log('=======================================================================================');
}

// ---------------------------------------------------------------------------

async function main() {
  freshLogDir(logDir);
  const startedAt = new Date();

  // Servers.
  if (env.ITSM_AMQP_URL) {
    amqpUrl = env.ITSM_AMQP_URL;
    log(`using ITSM_AMQP_URL as given (${redact(amqpUrl)}; no vhost created)`);
  } else {
    ensureVhost(VHOST, ctl);
    ownVhost = true;
    amqpUrl = `amqp://guest:guest@127.0.0.1:5672/${VHOST}`;
    log(`using the bench's own vhost: ${redact(amqpUrl)}`);
  }
  mongoUrl = env.ITSM_MONGO_URL ?? 'mongodb://127.0.0.1:27017/';
  const { MongoClient } = require('mongodb');
  mongoClient = new MongoClient(mongoUrl, { maxPoolSize: 4, serverSelectionTimeoutMS: 5000 });
  try {
    await mongoClient.connect();
  } catch (error) {
    throw new Error(`the MongoDB-wire server at ${redact(mongoUrl)} does not answer (${error.message}); start it with: npm run infra`);
  }
  const broker = await brokerVersion(amqpUrl).catch((error) => {
    throw new Error(`RabbitMQ at ${redact(amqpUrl)} does not answer (${error.message}); start it with: npm run infra`);
  });
  const buildInfo = await mongoClient.db('admin').command({ buildInfo: 1 });
  const isFerret = buildInfo.ferretdbVersion !== undefined;
  const mongoPort = Number(/^mongodb:\/\/(?:[^@/]*@)?(?:127\.0\.0\.1|localhost):(\d+)/.exec(mongoUrl)?.[1] ?? NaN);
  const ferret = isFerret && Number.isFinite(mongoPort) ? localFerretDbBackend(mongoPort) : undefined;
  const servers = {
    rabbitmq: broker,
    mongoWire: isFerret
      ? `FerretDB ${buildInfo.ferretdbVersion === 'unknown' ? (ferretDbModuleVersion(root) ?? 'unknown') : buildInfo.ferretdbVersion} (reports MongoDB ${buildInfo.version})`
      : `MongoDB ${buildInfo.version}`,
    backend: isFerret ? (ferret ? `${ferret.handler}${ferret.handler === 'postgresql' ? ` (${localPostgresVersion(ferret.postgresPort) ?? 'version unknown'})` : ''}` : 'unknown (not local)') : 'n/a',
  };
  log(`servers: ${servers.rabbitmq}; ${servers.mongoWire}; backend ${servers.backend}`);
  const amqpPort = /^amqps?:\/\/(?:[^@/]*@)?(?:127\.0\.0\.1|localhost)(?::(\d+))?(?:\/|$)/.exec(amqpUrl);
  otherWork = foreignCpuMeter([amqpPort ? Number(amqpPort[1] ?? 5672) : NaN, mongoPort, ferret?.postgresPort ?? NaN].filter(Number.isFinite));

  // How busy the machine is with other work, before the bench starts anything of its own.
  const idleBefore = await cpuBusy(2000);
  log(`CPU busy before the run (other work on this machine): ${Math.round(idleBefore * 100)}% of ${os.availableParallelism?.() ?? os.cpus().length} CPUs`);
  if (idleBefore > 0.2) {
    const busiest = await busiestProcesses(2000);
    anomaly(`the machine was ${Math.round(idleBefore * 100)}% busy before the bench started anything (${busiest.join(', ') || 'unknown processes'}): absolute figures are depressed, compare ratios`);
  }

  // The queues this bench uses must be idle.
  for (const queue of [PROJECT_QUEUE, BARE_QUEUE]) {
    const state = await queueState(amqpUrl, queue);
    if (state && (state.messages > 0 || state.consumers > 0)) {
      throw new Error(
        `queue ${queue} on ${ownVhost ? `vhost ${VHOST}` : 'ITSM_AMQP_URL'} is in use (${state.messages} messages, ${state.consumers} consumers); ` +
          (ownVhost ? `another bench run? If not, delete the vhost (rabbitmqctl delete_vhost ${VHOST})` : 'give the bench a vhost of its own'),
      );
    }
  }

  prepareBuild();
  prepareToken();

  const projectDb = `${prefix}_itsm`;
  log(`databases ${prefix}_*, dropped at the end`);

  // Accept paths (consumers stopped).
  const query = await startOperation('operation-query', 'query', projectDb);
  const gateway = await startGateway(query.port);
  const bareAccept = await startBareAccept();
  await Promise.all([query.ready(), gateway.ready(), bareAccept.ready()]);
  log('gateway, operation query and bare accept server ready');
  const gatewayUrl = `http://127.0.0.1:${gateway.port}/api/v1/incidents`;
  const bareUrl = `http://127.0.0.1:${bareAccept.port}/api/v1/incidents`;

  // Sanity: a valid report gets 202 and an unknown field 400, on both paths.
  for (const [name, url] of [['gateway', gatewayUrl], ['bare accept', bareUrl]]) {
    const post = (body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...requestHeaders }, body });
    const valid = await post(BODY);
    if (valid.status !== 202) throw new Error(`${name} answered ${valid.status} to a valid report: ${(await valid.text()).slice(0, 500)}`);
    const unknown = await post(JSON.stringify({ ...JSON.parse(BODY), unknownField: 1 }));
    if (unknown.status !== 400) anomaly(`${name} answered ${unknown.status} (expected 400) to a body with an unknown field`);
  }

  const acceptRounds = [];
  const project = (label, durationS) => acceptRound({ label, kind: 'project', url: gatewayUrl, queue: PROJECT_QUEUE, durationS });
  const bare = (label, durationS) => acceptRound({ label, kind: 'bare', url: bareUrl, queue: BARE_QUEUE, durationS });
  if (settings.warmupS > 0) {
    log(`warm-up, ${settings.warmupS} s per path (not recorded)`);
    await project('warm-up accept project', settings.warmupS);
    await bare('warm-up accept bare', settings.warmupS);
  }
  for (let index = 1; index <= settings.rounds; index++) {
    acceptRounds.push(await project(`A${index} accept, gateway`, settings.durationS));
    acceptRounds.push(await bare(`B${index} accept, bare`, settings.durationS));
  }

  // End to end: consumers running while the reports arrive. Every round gets fresh consumer processes and a
  // fresh database, so rounds are comparable (FerretDB's cost per incident grows with the collection).
  const e2eRounds = [];
  let e2eIndex = 0;
  const projectE2e = async (label, instances) => {
    const dbName = `${prefix}_e2e${++e2eIndex}`;
    const started = [];
    for (let n = 1; n <= instances; n++) started.push(await startOperation(`operation-intake-e2e${e2eIndex}${instances > 1 ? `-${n}of${instances}` : ''}`, 'intake', dbName));
    await Promise.all(started.map((intake) => intake.ready()));
    try {
      return await endToEndRound({
        label,
        kind: 'project',
        url: gatewayUrl,
        dbName,
        queue: PROJECT_QUEUE,
        watch: [gateway.handle, ...started.map((intake) => intake.handle)],
        consumers: instances,
        messages: settings.e2eMessages,
        timestampField: 'createdAt',
      });
    } finally {
      for (const intake of started) await stopChild(intake.handle);
    }
  };
  const bareE2e = async (label) => {
    const dbName = `${prefix}_e2e${++e2eIndex}_bare`;
    const consumer = await startBareConsumer(dbName);
    await consumer.ready();
    try {
      return await endToEndRound({
        label,
        kind: 'bare',
        url: bareUrl,
        dbName,
        queue: BARE_QUEUE,
        watch: [bareAccept.handle, consumer.handle],
        consumers: 1,
        messages: settings.e2eMessages,
        timestampField: 'insertedAt',
      });
    } finally {
      await stopChild(consumer.handle);
    }
  };
  for (let index = 1; index <= settings.rounds; index++) {
    e2eRounds.push(await projectE2e(`A${index} e2e, 1 intake`, 1));
    e2eRounds.push(await bareE2e(`B${index} e2e, bare`));
  }
  if (settings.secondIntake) e2eRounds.push(await projectE2e(`A${settings.rounds + 1} e2e, 2 intakes`, 2));

  // The read path answers through the gateway (one request, a smoke check).
  const list = await fetch(`http://127.0.0.1:${gateway.port}/api/v1/incidents?limit=1`, { headers: requestHeaders }).catch((error) => ({ status: String(error) }));
  if (list.status !== 200) anomaly(`GET /api/v1/incidents through the gateway answered ${list.status}`);
  await parkedCheck('end of run');

  // Warnings and errors the processes logged.
  for (const handle of handles) {
    const lines = problemLines(handle.logFile);
    if (lines.length > 0) anomaly(`${handle.name} logged ${lines.length} warning/error line(s), first: ${lines.slice(0, 3).join(' | ').slice(0, 600)} (log: ${path.relative(root, handle.logFile)})`);
  }

  const idleAfter = await cpuBusy(1000);
  log(`CPU busy after the run, bench processes idle: ${Math.round(idleAfter * 100)}%`);
  const finishedAt = new Date();
  const summary = summarize(acceptRounds, e2eRounds);
  const machine = machineFacts();
  const meta =
    `${startedAt.toISOString()}; build ${build?.sha256} (dist/ of ${build?.builtAt}); ${machine.nproc} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}; ${servers.rabbitmq}; ${servers.mongoWire}, backend ${servers.backend}\n` +
    `load generator: autocannon in the bench process on the same machine, ${settings.connections} connections, pipelining 1, body ${Buffer.byteLength(BODY)} bytes JSON${requestHeaders.authorization ? ' + bearer token' : ''}; ` +
    `accept: ${settings.durationS} s per round, consumers stopped; end-to-end: ${settings.e2eMessages} reports per round (after ${settings.e2eWarmupMessages} untimed), consumers running, fresh consumers and database per round; ` +
    `${settings.rounds} rounds each, A B A B; intake prefetch ${settings.intakePrefetch}, mongo pool ${settings.mongoPoolSize}; run took ${Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000)} s`;
  printSummary(summary, meta, acceptRounds, e2eRounds);

  writeResults({
    status: 'ok',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    build,
    machine: { ...machine, cpuBusyBeforeRun: round(idleBefore, 3), cpuBusyAfterRun: round(idleAfter, 3), loadAverageAtEnd: os.loadavg().map((value) => round(value, 2)) },
    servers,
    settings: {
      ...settings,
      body: JSON.parse(BODY),
      bodyBytes: Buffer.byteLength(BODY),
      bearerToken: Boolean(requestHeaders.authorization),
      loadGenerator: 'autocannon, in the bench process on the same machine',
      vhost: ownVhost ? VHOST : '(ITSM_AMQP_URL as given)',
    },
    summary: summary.map((entry) => ({ ...entry, line: summaryLine(entry) })),
    acceptRounds,
    endToEndRounds: e2eRounds,
    anomalies,
  });
}

function writeResults(results) {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, 'latest.json');
  const rounded = JSON.stringify(results, (key, value) => (typeof value === 'number' && !Number.isInteger(value) ? round(value, 3) : value), 2);
  fs.writeFileSync(file, `${rounded}\n`);
  log(`results written to ${path.relative(root, file)} (process logs in ${path.relative(root, logDir)}/)`);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  console.error('');
  console.error(`[bench] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (anomalies.length > 0) console.error(`[bench] anomalies so far:\n  - ${anomalies.join('\n  - ')}`);
  try {
    writeResults({ status: 'failed', error: error instanceof Error ? error.message : String(error), anomalies });
  } catch {
    // nothing more to do
  }
} finally {
  await cleanup();
}
process.exit(exitCode);
