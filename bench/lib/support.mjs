// @ts-check
/**
 * Helpers of every bench (bench/<name>/run.mjs): settings from arguments and the environment, the
 * bench's folders, child processes that are always cleaned up, readiness probes, the apps of a build
 * under test (tokens, gateway, transition), the load generator, the bench's own RabbitMQ vhost, machine
 * facts and small statistics. Nothing here talks to anything but 127.0.0.1 unless the caller passed
 * other URLs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const log = (line) => console.log(`[bench] ${line}`);

// ---------------------------------------------------------------------------
// Settings and places
// ---------------------------------------------------------------------------

/** The word after `name` on the command line (`--dist <dir>`), or undefined. */
export const argValue = (name) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

/** An environment knob as a whole number (truncated), `fallback` when unset, empty or not a number. */
export const int = (value, fallback) => (value !== undefined && value !== '' && Number.isFinite(Number(value)) ? Math.trunc(Number(value)) : fallback);

/** The run's UTC time as yyyymmddhhmmss, for database and vhost names of the run's own. */
export const runStamp = () => new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);

/**
 * What a bench's run is made of, from its `import.meta.url`: its folders (`here`, bench/<name>; the
 * repository `root`; under `results/` the child logs, the build snapshot (named dist/ so that eslint's
 * and git's ignore rules for build output cover it while it exists) and the development issuer's keys),
 * `ctl` for rabbitmqctl, the run's `stamp` (for database and vhost names of its own) and the
 * `internalTokenSecret` its apps share (ITSM_INTERNAL_TOKEN_SECRET, new each run).
 */
export function benchContext(moduleUrl) {
  const here = path.dirname(fileURLToPath(moduleUrl));
  const root = path.resolve(here, '..', '..');
  const resultsDir = path.join(here, 'results');
  return {
    here,
    root,
    resultsDir,
    logDir: path.join(resultsDir, 'logs'),
    buildCopy: path.join(resultsDir, 'dist'),
    issuerDir: path.join(resultsDir, 'dev-issuer'),
    ctl: rabbitCtl(root),
    stamp: runStamp(),
    internalTokenSecret: randomBytes(48).toString('base64url'),
  };
}

/** Empties (and makes) a bench's folder of child logs. */
export function freshLogDir(logDir) {
  fs.mkdirSync(logDir, { recursive: true });
  for (const file of fs.readdirSync(logDir)) fs.rmSync(path.join(logDir, file), { force: true });
}

/** How the bench reaches rabbitmqctl: ITSM_RABBITMQ_HOME (default <root>/.itsm/rabbitmq) and ITSM_RABBITMQ_NODE (itsm@localhost). */
export const rabbitCtl = (root, env = process.env) => ({ home: env.ITSM_RABBITMQ_HOME ?? path.join(root, '.itsm', 'rabbitmq'), node: env.ITSM_RABBITMQ_NODE ?? 'itsm@localhost' });

/** `amqpBase` (ITSM_AMQP_URL's host and credentials) on the vhost `vhost`. */
export function amqpUrlOf(amqpBase, vhost) {
  const url = new URL(amqpBase);
  url.pathname = `/${encodeURIComponent(vhost)}`;
  return url.toString();
}

/** mulberry32: a seeded generator in [0, 1), so every run has the same data. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A deterministic pseudo-random sequence in [0, 1) (a linear congruential generator). */
export function lcgRandom(seed) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The value at percentile `p` (nearest rank) of `values`. */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};

// ---------------------------------------------------------------------------
// A run's life: cleanup on signals and at the end
// ---------------------------------------------------------------------------

/** A run's anomalies: `anomaly(text)` logs `ANOMALY: text` now and keeps it in `anomalies` for the report. */
export function anomalyRecorder() {
  const anomalies = [];
  return {
    anomalies,
    anomaly(text) {
      anomalies.push(text);
      log(`ANOMALY: ${text}`);
    },
  };
}

/** The JSON incident report the intake benches POST (mail delayed, impact and urgency 2, service svc-mail), naming `bench` in its description. */
export const incidentReportBody = (bench) =>
  JSON.stringify({
    title: 'Bench: outbound e-mail delayed for the finance department',
    description: `Messages wait 10 to 20 minutes at the relay. Reported by the ${bench} benchmark.`,
    impact: 2,
    urgency: 2,
    category: 'email',
    serviceId: 'svc-mail',
  });

/** Prints the run's anomalies (nothing when there are none) under the results table. */
export function printAnomalies(anomalies) {
  if (anomalies.length === 0) return;
  console.log('');
  console.log(`ANOMALIES (${anomalies.length}):`);
  for (const text of anomalies) console.log(`  - ${text}`);
}

/** `work`, or a log line after `ms`: a cleanup step that hangs must not keep the bench lock held. */
export const bounded = (what, work, ms = 30_000) =>
  Promise.race([Promise.resolve(work).catch((error) => log(`${what}: ${error.message}`)), new Promise((resolve) => setTimeout(resolve, ms).unref()).then(() => log(`${what}: gave up after ${ms / 1000} s`))]);

/**
 * The end of a run on a database and vhost of its own: its apps stopped, `databases` dropped (each
 * bounded by `dropMs`), the vhost deleted when `vhost` is given, the build snapshot and issuer keys
 * removed, the client closed. Every step is bounded and logs its failure instead of throwing.
 */
export async function cleanupRun({ mongoClient, databases, dropMs = 30_000, vhost, ctl, buildCopy, issuerDir }) {
  await bounded('stopping the apps', stopAllChildren());
  if (mongoClient) for (const name of databases) await bounded(`dropping ${name}`, mongoClient.db(name).dropDatabase(), dropMs);
  if (vhost) await bounded(`deleting the vhost ${vhost}`, (async () => deleteVhost(vhost, ctl))());
  fs.rmSync(buildCopy, { recursive: true, force: true });
  fs.rmSync(issuerDir, { recursive: true, force: true });
  await bounded('closing the database client', mongoClient?.close());
}

/** SIGINT and SIGTERM run `cleanup`, then exit 130; `announce` logs the signal first. */
export function cleanupOnSignals(cleanup, { announce = false } = {}) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      if (announce) log(`${signal}: stopping and cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }
}

/** Runs `main`, prints `[bench] FAILED: …` when it throws, always runs `cleanup`, then exits 0 or 1. */
export async function runBench(main, cleanup) {
  let exitCode = 0;
  try {
    await main();
  } catch (error) {
    exitCode = 1;
    console.error(`[bench] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await cleanup();
  }
  process.exit(exitCode);
}

// ---------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: whatever is still alive when the bench exits (normally or by an error) is killed.
  process.on('exit', () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          child.kill('SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  });
}

/**
 * Starts a child process with its output in `logFile`.
 * @returns {{ name: string, child: import('node:child_process').ChildProcess, logFile: string, exited: Promise<number | null> }}
 */
export function startChild(name, command, args, env, logFile) {
  installExitHook();
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  children.add(child);
  const exited = new Promise((resolve) => {
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    });
  });
  return { name, child, logFile, exited };
}

/**
 * `child(name, script, env)`: starts `node script` with its log numbered in start order in `logDir`
 * (01-name.log, 02-…) and adds its handle to `handles` (for the log scan at the end).
 */
export function childLauncher(logDir, handles) {
  let seq = 0;
  return (name, script, childEnv) => {
    const handle = startChild(name, process.execPath, [script], childEnv, path.join(logDir, `${String(++seq).padStart(2, '0')}-${name}.log`));
    handles.push(handle);
    return handle;
  };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopChild(handle, graceMs = 8000) {
  const { child } = handle;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const gone = await Promise.race([handle.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!gone) {
    child.kill('SIGKILL');
    await handle.exited;
  }
}

export async function stopAllChildren() {
  await Promise.all([...children].map((child) => stopChild({ child, exited: new Promise((resolve) => child.once('exit', resolve)) })));
}

/** Polls GET url until 200; fails early when the process exits. */
export async function waitReady(handle, url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let exitedWith;
  handle.exited.then((code) => (exitedWith = code ?? 'signal'));
  for (;;) {
    if (exitedWith !== undefined) {
      throw new Error(`${handle.name} exited (code ${exitedWith}) before it was ready; see ${handle.logFile}:\n${tail(handle.logFile)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${handle.name} not ready after ${timeoutMs / 1000} s (${url}); see ${handle.logFile}:\n${tail(handle.logFile)}`);
    await sleep(200);
  }
}

export function tail(file, lines = 15) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Lines of a child's log that look like warnings or errors (Nest's logger and plain output). */
export function problemLines(file) {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /\b(WARN|ERROR|Error|FATAL|warn|error)\b/.test(line));
  } catch {
    return [];
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------
// Load generator
// ---------------------------------------------------------------------------

/**
 * One autocannon run. `amount` (total requests) replaces `durationS` when given.
 * @returns {Promise<LoadResult>}
 *
 * @typedef {{ url: string, connections: number, durationS: number | null, amount: number | null,
 *   startedAt: number, finishedAt: number, elapsedS: number, requests: number, answered: number, unanswered: number, accepted: number,
 *   acceptedPerS: number, non2xx: number, errors: number, timeouts: number,
 *   statusCodes: Record<string, number>, latencyMs: { p50: number, p90: number, p99: number, max: number, mean: number } }} LoadResult
 */
export async function runLoad({ url, connections, durationS, amount, body, headers = {} }) {
  const autocannon = require('autocannon');
  const options = {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections,
    pipelining: 1,
    timeout: 10,
    ...(amount ? { amount } : { duration: durationS }),
  };
  const startedAt = Date.now();
  const result = await autocannon(options);
  const finishedAt = Date.now();
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]));
  const elapsedS = (finishedAt - startedAt) / 1000;
  const answered = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return {
    url,
    connections,
    durationS: amount ? null : durationS,
    amount: amount ?? null,
    startedAt,
    finishedAt,
    elapsedS,
    requests: result.requests.sent,
    answered,
    /** Sent but neither answered nor failed when a timed run stopped; the server may still have accepted them. */
    unanswered: Math.max(0, result.requests.sent - answered - result.errors),
    accepted: result['2xx'],
    acceptedPerS: result['2xx'] / elapsedS,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
  };
}

// ---------------------------------------------------------------------------
// RabbitMQ: the bench's own vhost
// ---------------------------------------------------------------------------

/** rabbitmqctl as the user running the bench: Debian's /usr/sbin wrapper switches to the rabbitmq user and loses HOME (the cookie). */
function rabbitmqctl(args, { home, node }) {
  const direct = '/usr/lib/rabbitmq/bin/rabbitmqctl';
  const command = fs.existsSync(direct) ? direct : 'rabbitmqctl';
  return execFileSync(command, ['-n', node, ...args], {
    env: { ...process.env, HOME: home },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
}

/** rabbitmqctl `args`, where a failure whose output matches `done` means there was nothing to do (the vhost was there, or gone). */
function rabbitmqctlIdempotent(args, ctl, done) {
  try {
    rabbitmqctl(args, ctl);
  } catch (error) {
    const text = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    if (!done.test(text)) throw new Error(`rabbitmqctl ${args.join(' ')} failed: ${text || error.message}`);
  }
}

export function ensureVhost(vhost, ctl) {
  rabbitmqctlIdempotent(['add_vhost', vhost], ctl, /already exists|vhost_already_exists/);
  rabbitmqctl(['set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*'], ctl);
}

export function deleteVhost(vhost, ctl) {
  rabbitmqctlIdempotent(['delete_vhost', vhost], ctl, /does not exist|no_such_vhost/);
}

/** `work(channel)` on a channel of a connection of its own (channel errors, e.g. a missing queue, close only the channel), then the connection closed. */
async function withChannel(amqpUrl, work) {
  const amqp = require('amqplib');
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    return await work(channel);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** Ready messages and consumers of a queue, or undefined when it does not exist. */
export const queueState = (amqpUrl, queue) =>
  withChannel(amqpUrl, (channel) => channel.checkQueue(queue).then((state) => ({ messages: state.messageCount, consumers: state.consumerCount }), () => undefined));

/** Removes the ready messages of a queue (only ever called on the bench's own queues); returns how many (0: no such queue). */
export const purgeQueue = (amqpUrl, queue) => withChannel(amqpUrl, (channel) => channel.purgeQueue(queue).then(({ messageCount }) => messageCount, () => 0));

export async function brokerVersion(amqpUrl) {
  const amqp = require('amqplib');
  const connection = await amqp.connect(amqpUrl);
  try {
    const props = connection.connection?.serverProperties ?? {};
    return `${props.product ?? 'RabbitMQ'} ${props.version ?? '?'}`;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------
// Machine facts
// ---------------------------------------------------------------------------

/** Fraction of all CPUs busy over `ms` (from /proc/stat); NaN where that does not exist. */
export async function cpuBusy(ms) {
  const read = () => {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    return { idle, total: fields.reduce((sum, value) => sum + value, 0) };
  };
  try {
    const before = read();
    await sleep(ms);
    const after = read();
    return 1 - (after.idle - before.idle) / Math.max(1, after.total - before.total);
  } catch {
    return NaN;
  }
}

/** The processes that used the most CPU over `ms` (from /proc), as "name (pid) 45%"; [] where /proc does not exist. */
export async function busiestProcesses(ms, top = 4) {
  try {
    const before = processTable();
    await sleep(ms);
    const after = processTable();
    const hz = 100; // USER_HZ on Linux
    return [...after.entries()]
      .map(([pid, { name, ticks: now }]) => ({ pid, name, share: (now - (before.get(pid)?.ticks ?? now)) / hz / (ms / 1000) }))
      .filter((entry) => entry.share > 0.05)
      .sort((a, b) => b.share - a.share)
      .slice(0, top)
      .map((entry) => `${entry.name} (${entry.pid}) ${Math.round(entry.share * 100)}%`);
  } catch {
    return [];
  }
}

/** What `uptime` prints (load averages over 1, 5 and 15 minutes), for a bench's report of the machine's load. */
export const uptimeLine = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

export function machineFacts() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

/** Command lines of this machine's processes, from /proc (none elsewhere). */
function* processCommandLines() {
  let pids = [];
  try {
    pids = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return; // not Linux
  }
  for (const pid of pids) {
    try {
      yield fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      // the process ended meanwhile
    }
  }
}

/** FerretDB's backend as given on its command line, when it runs on this machine listening on `port`. */
export function localFerretDbBackend(port) {
  for (const cmdline of processCommandLines()) {
    if (!path.basename(cmdline[0] ?? '').startsWith('ferretdb')) continue;
    const listen = cmdline.find((arg) => arg.startsWith('--listen-addr='))?.split(':').pop() ?? '27017';
    if (port !== undefined && Number(listen) !== port) continue;
    const handler = cmdline.find((arg) => arg.startsWith('--handler='))?.slice('--handler='.length) ?? 'default';
    const pgUrl = cmdline.find((arg) => arg.startsWith('--postgresql-url='));
    const pgPort = pgUrl ? /:(\d+)\//.exec(pgUrl)?.[1] : undefined;
    return { handler, postgresPort: pgPort ? Number(pgPort) : undefined };
  }
  return undefined;
}

/**
 * The output of `sql` run by psql (as postgres, unaligned, tuples only) on the PostgreSQL behind FerretDB at `port`,
 * in FerretDB's database there: ITSM_BENCH_PG_DATABASE, default `ferretdb` (a private FerretDB has one of its own).
 * A FerretDB database is a PostgreSQL schema of the same name.
 */
export function ferretPsql(port, sql, database = process.env.ITSM_BENCH_PG_DATABASE ?? 'ferretdb') {
  return execFileSync('psql', ['-X', '-qtA', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-c', sql], { encoding: 'utf8' });
}

/** How many GIN companion indexes (the launcher's `*_gin`) the FerretDB database `dbName` has. */
export const ginCompanions = (port, dbName) => Number(ferretPsql(port, `SELECT count(*) FROM pg_indexes WHERE schemaname = '${dbName}' AND indexname LIKE '%\\_gin'`).trim());

/** PostgreSQL's ANALYZE of the table behind the incidents collection of the FerretDB database `dbName`, after a bulk load. */
export function analyzeIncidents(port, dbName) {
  const table = ferretPsql(port, `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '${dbName}' AND c.relname LIKE 'incidents\\_%' AND c.relkind = 'r'`).trim();
  ferretPsql(port, `ANALYZE "${dbName}"."${table}"`);
}

/** Version of the PostgreSQL server binary serving `port` on this machine, if found. */
export function localPostgresVersion(port) {
  for (const cmdline of processCommandLines()) {
    if (path.basename(cmdline[0] ?? '') !== 'postgres') continue;
    const portIndex = cmdline.indexOf('-p');
    if (port !== undefined && portIndex >= 0 && Number(cmdline[portIndex + 1]) !== port) continue;
    try {
      return execFileSync(cmdline[0], ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** FerretDB's module version from the project's Go module, when it builds FerretDB itself. */
export function ferretDbModuleVersion(root) {
  try {
    return /github\.com\/FerretDB\/FerretDB (v[\w.-]+)/.exec(fs.readFileSync(path.join(root, 'tools', 'ferretdb', 'go.mod'), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

export const mean = (values) => (values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length);
export const round = (value, digits = 0) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null);
export const ratio = (value, base) => (Number.isFinite(value) && Number.isFinite(base) && base > 0 ? value / base : NaN);
export const fmtRate = (value) => (Number.isFinite(value) ? `${Math.round(value)}` : 'n/a');
export const fmtMs = (value) => (Number.isFinite(value) ? (value >= 100 ? `${Math.round(value)}` : `${Math.round(value * 10) / 10}`) : 'n/a');
export const fmtRatio = (value) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');

// ---------------------------------------------------------------------------
// Build snapshot
// ---------------------------------------------------------------------------

function newestMtime(directory) {
  let newest = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    try {
      newest = Math.max(newest, fs.statSync(file).mtimeMs);
    } catch {
      // removed meanwhile: the next attempt sees it
      newest = Infinity;
    }
  }
  return newest;
}

/**
 * Copies the build into `target` so that every process of the run executes the
 * same code even when someone rebuilds meanwhile. The copy must stay inside the
 * repository for node_modules to resolve. Retries while the build is changing.
 */
export function snapshotBuild(source, target) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const before = newestMtime(source);
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(source, target, { recursive: true });
    const after = newestMtime(source);
    if (before === after && Date.now() - after > 5000) return;
    execFileSync('sleep', ['3']);
  }
  throw new Error(`the build in ${source} kept changing while it was copied; retry when no build is running`);
}

// ---------------------------------------------------------------------------
// Other work on the machine
// ---------------------------------------------------------------------------

/** pid -> { name, ppid, ticks (user+system) } of every process, from /proc. */
function processTable() {
  const table = new Map();
  for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(pid), { name, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone
    }
  }
  return table;
}

/** The pid of the process listening on a local TCP port (Linux, needs access to its /proc/<pid>/fd). */
export function listeningPid(port) {
  try {
    const inodes = new Set();
    for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
      if (!fs.existsSync(file)) continue;
      for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols.length < 10 || cols[3] !== '0A') continue; // 0A = LISTEN
        if (parseInt(cols[1].split(':')[1], 16) === port) inodes.add(cols[9]);
      }
    }
    if (inodes.size === 0) return undefined;
    for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      let fds;
      try {
        fds = fs.readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        try {
          const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
          const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
          if (inode && inodes.has(inode)) return Number(pid);
        } catch {
          // closed meanwhile
        }
      }
    }
  } catch {
    // not Linux
  }
  return undefined;
}

/**
 * CPU used between start() and stop() by processes that are neither the bench (and its children)
 * nor the servers it measures (the processes listening on `serverPorts`, with their children).
 * On a shared machine this is the interference that depresses a round's figures.
 */
export function foreignCpuMeter(serverPorts) {
  const roots = new Set([process.pid]);
  for (const port of serverPorts) {
    const pid = listeningPid(port);
    if (pid) roots.add(pid);
  }
  const ours = (table, pid) => {
    for (let current = pid, hops = 0; current > 1 && hops < 64; hops++) {
      if (roots.has(current)) return true;
      current = table.get(current)?.ppid ?? 0;
    }
    return false;
  };
  let before;
  let startedAt = 0;
  return {
    roots: [...roots],
    start() {
      try {
        before = processTable();
      } catch {
        before = undefined;
      }
      startedAt = Date.now();
    },
    /** @returns {{ cpus: number, top: string[] } | undefined} cpus = CPUs' worth used by others */
    stop() {
      if (!before) return undefined;
      const after = processTable();
      const seconds = Math.max(0.001, (Date.now() - startedAt) / 1000);
      const others = [];
      for (const [pid, entry] of after) {
        if (ours(after, pid)) continue;
        const used = (entry.ticks - (before.get(pid)?.ticks ?? 0)) / 100 / seconds; // USER_HZ = 100
        if (used > 0) others.push({ pid, name: entry.name, used });
      }
      others.sort((a, b) => b.used - a.used);
      return {
        cpus: others.reduce((sum, entry) => sum + entry.used, 0),
        top: others.slice(0, 3).filter((entry) => entry.used >= 0.05).map((entry) => `${entry.name} (${entry.pid}) ${Math.round(entry.used * 100)}%`),
      };
    },
  };
}

/** Identifies a build without git: sha256 over its .js files' paths and contents, and its newest file's time. */
export function buildFingerprint(directory) {
  const hash = createHash('sha256');
  let newest = 0;
  const files = fs
    .readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  for (const file of files) {
    hash.update(path.relative(directory, file)).update('\0').update(fs.readFileSync(file)).update('\0');
    newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return { sha256: hash.digest('hex').slice(0, 16), files: files.length, builtAt: new Date(newest).toISOString() };
}

// ---------------------------------------------------------------------------
// Apps of a build under test
// ---------------------------------------------------------------------------

/**
 * Builds the apps (`npm run build`) when `--build` is given or `mainFile` (relative to dist/) is missing,
 * then snapshots dist/ into `buildCopy`; the snapshot's fingerprint.
 */
export function buildAndSnapshot(root, buildCopy, mainFile) {
  if (process.argv.includes('--build') || !fs.existsSync(path.join(root, 'dist', mainFile))) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  }
  snapshotBuild(path.join(root, 'dist'), buildCopy);
  return buildFingerprint(buildCopy);
}

/**
 * A development bearer token minted with the build's own issuer, keys in `issuerDir` (made anew: mint it
 * before the gateway starts, which reads the keys at start). Default: user bench-agent, role
 * service_desk_agent, valid 3,600 s.
 */
export function mintDevToken(mintScript, issuerDir, cwd, { user = 'bench-agent', roles = 'service_desk_agent', ttlS = 3600 } = {}) {
  fs.rmSync(issuerDir, { recursive: true, force: true });
  const token = execFileSync(process.execPath, [mintScript, '--user', user, '--roles', roles, '--ttl', String(ttlS)], {
    cwd,
    env: { ...process.env, ITSM_ENV: 'development', ITSM_DEV_ISSUER_DIR: issuerDir, ITSM_LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  }).trim();
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) throw new Error(`the development issuer printed no token: ${token.slice(0, 200)}`);
  return token;
}

/**
 * A gateway's environment for a bench: development auth with the bench's issuer, and both rate
 * limits out of reach (one address and one user send everything; the limiters still run).
 */
export function benchGatewayEnv({ amqpUrl, mongoUrl, gatewayDb, port, metricsPort, queryPort, internalTokenSecret, issuerDir }) {
  return {
    ITSM_METRICS_PORT: String(metricsPort),
    ITSM_AMQP_URL: amqpUrl,
    ITSM_MONGO_URL: mongoUrl,
    ITSM_GATEWAY_DB: gatewayDb,
    ITSM_GATEWAY_PORT: String(port),
    ITSM_OPERATION_QUERY_URL: `http://127.0.0.1:${queryPort}`,
    ITSM_INTERNAL_TOKEN_SECRET: internalTokenSecret,
    ITSM_LOG_LEVEL: 'warn',
    ITSM_ENV: 'development',
    ITSM_AUTH_MODE: 'dev',
    ITSM_DEV_ISSUER_DIR: issuerDir,
    ITSM_RATE_LIMIT_PER_ADDRESS: '1000000000',
    ITSM_RATE_LIMIT_PER_USER: '1000000000',
  };
}

/**
 * What the MongoDB-wire server at `mongoUrl` is: FerretDB (with its backend and PostgreSQL port when
 * it runs on this machine) or MongoDB, and a line naming it and its versions.
 */
export async function describeMongoWire(mongoClient, mongoUrl, root) {
  const buildInfo = await mongoClient.db('admin').command({ buildInfo: 1 });
  const isFerret = buildInfo.ferretdbVersion !== undefined;
  const mongoPort = Number(/^mongodb:\/\/(?:[^@/]*@)?(?:127\.0\.0\.1|localhost):(\d+)/.exec(mongoUrl)?.[1] ?? NaN);
  const ferret = isFerret && Number.isFinite(mongoPort) ? localFerretDbBackend(mongoPort) : undefined;
  const postgresPort = ferret?.handler === 'postgresql' ? ferret.postgresPort : undefined;
  const version = buildInfo.ferretdbVersion === 'unknown' ? (ferretDbModuleVersion(root) ?? 'unknown') : buildInfo.ferretdbVersion;
  const description = isFerret
    ? `FerretDB ${version} (reports MongoDB ${buildInfo.version}) on ${ferret?.handler ?? 'an unknown backend'}${postgresPort ? ` (${localPostgresVersion(postgresPort) ?? 'PostgreSQL'})` : ''}`
    : `MongoDB ${buildInfo.version}`;
  return { isFerret, mongoPort, ferret, postgresPort, description };
}

/**
 * The servers a bench runs against: RabbitMQ at ITSM_AMQP_URL (default amqp://guest:guest@127.0.0.1:5672,
 * no vhost: `amqpBase`) and the MongoDB-wire server at ITSM_MONGO_URL (default mongodb://127.0.0.1:27017/),
 * a connected client (pool of 4; `mongoOptions` added) and what each server is (`broker`, `wire` as
 * describeMongoWire gives it). Fails when either does not answer.
 */
export async function connectServers(root, mongoOptions = {}, env = process.env) {
  const amqpBase = env.ITSM_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  const mongoUrl = env.ITSM_MONGO_URL ?? 'mongodb://127.0.0.1:27017/';
  const { MongoClient } = require('mongodb');
  const mongoClient = new MongoClient(mongoUrl, { maxPoolSize: 4, serverSelectionTimeoutMS: 5000, ...mongoOptions });
  try {
    await mongoClient.connect();
    const broker = await brokerVersion(amqpBase);
    const wire = await describeMongoWire(mongoClient, mongoUrl, root);
    return { amqpBase, mongoUrl, mongoClient, broker, wire };
  } catch (error) {
    await mongoClient.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The benches' reports name 'svc-mail', which intake accepts only while operation's copy of design's
 * catalogue has it published (no design runs in a bench): the copy gets it as design's replay would write it.
 */
export async function seedPublishedService(mongoClient, dbName) {
  await mongoClient
    .db(dbName)
    .collection('catalogue_services')
    .updateOne({ _id: 'svc-mail:1' }, { $setOnInsert: { serviceId: 'svc-mail', version: 1, name: 'Mail', state: 'published', receivedAt: new Date() } }, { upsert: true });
}

/**
 * A transition service on `dbName` and a gateway in front of it (database `<dbName>_gateway`, the
 * transition URL set, `gatewayEnv` added), both from the snapshot `buildCopy`, logs in `logDir`;
 * resolves once both are ready.
 */
export async function startTransitionBehindGateway({ buildCopy, logDir, amqpUrl, mongoUrl, dbName, internalTokenSecret, issuerDir, gatewayEnv = {} }) {
  const [transitionPort, transitionMetrics, gatewayPort, gatewayMetrics] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const transition = startChild(
    'transition',
    process.execPath,
    [path.join(buildCopy, 'apps/transition/src/main.js')],
    {
      ITSM_AMQP_URL: amqpUrl,
      ITSM_MONGO_URL: mongoUrl,
      ITSM_TRANSITION_DB: dbName,
      ITSM_TRANSITION_PORT: String(transitionPort),
      ITSM_METRICS_PORT: String(transitionMetrics),
      ITSM_INTERNAL_TOKEN_SECRET: internalTokenSecret,
      ITSM_LOG_LEVEL: 'warn',
    },
    path.join(logDir, 'transition.log'),
  );
  const gateway = startChild(
    'gateway',
    process.execPath,
    [path.join(buildCopy, 'apps/gateway/src/main.js')],
    {
      ...benchGatewayEnv({ amqpUrl, mongoUrl, gatewayDb: `${dbName}_gateway`, port: gatewayPort, metricsPort: gatewayMetrics, queryPort: transitionPort, internalTokenSecret, issuerDir }),
      ITSM_TRANSITION_URL: `http://127.0.0.1:${transitionPort}`,
      ...gatewayEnv,
    },
    path.join(logDir, 'gateway.log'),
  );
  await Promise.all([waitReady(transition, `http://127.0.0.1:${transitionPort}/health/ready`), waitReady(gateway, `http://127.0.0.1:${gatewayPort}/health/ready`)]);
  return { transition, gateway, transitionPort, gatewayPort };
}

/** `api(method, route, body?)`: a JSON request to the gateway on `port` with the bearer `token`; the parsed answer, or an Error naming the status. */
export const gatewayApi = (port, token) => async (method, route, body) => {
  const response = await fetch(`http://127.0.0.1:${port}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
};

/** Logs an ANOMALY line for each child whose log has warning or error lines (the first two quoted). */
export function reportProblemLines(handles) {
  for (const handle of handles) {
    const lines = problemLines(handle.logFile);
    if (lines.length > 0) log(`ANOMALY: ${handle.name} logged ${lines.length} warning/error line(s), first: ${lines.slice(0, 2).join(' | ').slice(0, 400)}`);
  }
}

/** The JSON of a bench's latest.json: fractions rounded to `digits` places, a newline at the end. */
export const resultsJson = (value, digits) => `${JSON.stringify(value, (key, v) => (typeof v === 'number' && !Number.isInteger(v) ? round(v, digits) : v), 2)}\n`;
