// @ts-check
/**
 * Makes RabbitMQ and a MongoDB-wire server available, in this order:
 *  (a) ITSM_AMQP_URL and ITSM_MONGO_URL given: use them;
 *  (b) a Docker engine answers: docker compose (platform) or testcontainers (tests);
 *  (c) otherwise local processes: Debian's rabbitmq-server (installed with apt-get
 *      when missing and running as root), and mongod when on PATH, else FerretDB
 *      built once from the project's Go module into .tools/.
 * Data and logs live under .itsm/; a second run reuses what already answers.
 * FerretDB on PostgreSQL gets GIN companion indexes at every start (ferretdb-indexes.mjs), whether
 * this run started it or found it answering; ITSM_FERRETDB_POSTGRES_URL names its database when
 * the servers are given by URL. RabbitMQ runs with its management plugin (the operation intake role sets
 * the intake queue's length limit through it); `managementUrl` says where it is when that is not the
 * AMQP host on 15672 (the apps' ITSM_AMQP_MANAGEMENT_URL).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureFerretDbGinIndexes, isFerretDb } from './ferretdb-indexes.mjs';
import { amqpAnswers, mongoAnswers, waitFor } from './probes.mjs';

const RABBITMQ_SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';

/** @typedef {{ mode: string, amqpUrl: string, mongoUrl: string, managementUrl?: string, started: string[], stop: () => Promise<void> }} Infrastructure */

/**
 * @param {{ root: string, purpose: 'platform' | 'tests', log?: (line: string) => void }} options
 * @returns {Promise<Infrastructure>}
 */
export async function ensureInfrastructure({ root, purpose, log = (line) => console.log(`[infra] ${line}`) }) {
  const external = externalInfrastructure();
  if (external) {
    log(`using the given servers: ${redact(external.amqpUrl)} and ${redact(external.mongoUrl)}`);
    await waitFor('the broker at ITSM_AMQP_URL', () => amqpAnswers(external.amqpUrl), 60_000);
    await waitFor('the database at ITSM_MONGO_URL', () => mongoAnswers(external.mongoUrl), 60_000);
    const ferretDbPostgres = process.env.ITSM_FERRETDB_POSTGRES_URL;
    if (ferretDbPostgres) ensureFerretDbGinIndexes({ psql: psqlCommand(), postgresUrl: ferretDbPostgres, log });
    return external;
  }
  if (dockerAnswers()) {
    return purpose === 'tests' ? startTestcontainers(log) : startCompose(root, log);
  }
  return startLocalProcesses(root, log);
}

/** Stops what `up` started locally or with compose, as recorded in .itsm/infra.json. */
export async function stopInfrastructure({ root, log = (line) => console.log(`[infra] ${line}`) }) {
  const state = readState(root);
  if (!state) {
    log('nothing recorded as started; nothing to stop');
    return;
  }
  if (state.mode === 'compose') {
    spawnSync('docker', ['compose', 'down'], { cwd: root, stdio: 'inherit' });
  }
  for (const [name, pid] of Object.entries(state.pids ?? {})) {
    if (killGroup(pid)) log(`stopped ${name} (pid ${pid})`);
  }
  fs.rmSync(statePath(root), { force: true });
}

function externalInfrastructure() {
  const amqpUrl = process.env.ITSM_AMQP_URL;
  const mongoUrl = process.env.ITSM_MONGO_URL;
  if (!amqpUrl || !mongoUrl) return undefined;
  return { mode: 'external', amqpUrl, mongoUrl, started: [], stop: async () => undefined };
}

function dockerAnswers() {
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000, encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

async function startCompose(root, log) {
  log('a Docker engine answers: starting RabbitMQ and MongoDB with docker compose');
  execFileSync('docker', ['compose', 'up', '--detach', '--wait', 'rabbitmq', 'mongodb'], { cwd: root, stdio: 'inherit' });
  const amqpUrl = 'amqp://guest:guest@127.0.0.1:5672';
  const mongoUrl = 'mongodb://127.0.0.1:27017/';
  await waitFor('RabbitMQ', () => amqpAnswers(amqpUrl), 120_000);
  await waitFor('MongoDB', () => mongoAnswers(mongoUrl), 60_000);
  writeState(root, { mode: 'compose', amqpUrl, mongoUrl, pids: {} });
  return { mode: 'compose', amqpUrl, mongoUrl, started: ['rabbitmq (compose)', 'mongodb (compose)'], stop: async () => stopInfrastructure({ root, log }) };
}

async function startTestcontainers(log) {
  log('a Docker engine answers: starting RabbitMQ and MongoDB with testcontainers');
  const { GenericContainer, Wait } = await import('testcontainers');
  const rabbit = await new GenericContainer('rabbitmq:4-management')
    .withExposedPorts(5672, 15672)
    .withWaitStrategy(Wait.forLogMessage(/Server startup complete/))
    .start();
  const mongo = await new GenericContainer('mongo:8').withExposedPorts(27017).withWaitStrategy(Wait.forListeningPorts()).start();
  const amqpUrl = `amqp://guest:guest@${rabbit.getHost()}:${rabbit.getMappedPort(5672)}`;
  const mongoUrl = `mongodb://${mongo.getHost()}:${mongo.getMappedPort(27017)}/`;
  await waitFor('RabbitMQ', () => amqpAnswers(amqpUrl), 60_000);
  return {
    mode: 'testcontainers',
    amqpUrl,
    mongoUrl,
    managementUrl: `http://guest:guest@${rabbit.getHost()}:${rabbit.getMappedPort(15672)}`,
    started: ['rabbitmq (container)', 'mongodb (container)'],
    stop: async () => {
      await Promise.all([rabbit.stop(), mongo.stop()]);
    },
  };
}

async function startLocalProcesses(root, log) {
  const itsmDir = path.join(root, '.itsm');
  const logDir = path.join(itsmDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const amqpPort = Number(process.env.ITSM_RABBITMQ_PORT ?? 5672);
  const mongoPort = Number(process.env.ITSM_MONGO_PORT ?? 27017);
  const amqpUrl = `amqp://guest:guest@127.0.0.1:${amqpPort}`;
  const mongoUrl = `mongodb://127.0.0.1:${mongoPort}/`;
  const state = readState(root) ?? { mode: 'local', amqpUrl, mongoUrl, pids: {} };
  const started = [];

  const managementUrl = `http://guest:guest@127.0.0.1:${managementPort(amqpPort)}`;
  if (await amqpAnswers(amqpUrl)) {
    log(`RabbitMQ already answers on 127.0.0.1:${amqpPort}; reusing it`);
    await ensureRabbitMqManagement(itsmDir, amqpPort, managementUrl, log);
  } else {
    state.pids.rabbitmq = startRabbitMq(itsmDir, logDir, amqpPort, log);
    started.push('rabbitmq');
  }

  if (await mongoAnswers(mongoUrl)) {
    log(`a MongoDB-wire server already answers on 127.0.0.1:${mongoPort}; reusing it`);
    await indexReusedFerretDb(mongoUrl, mongoPort, log);
  } else {
    const pids = startMongoWireServer(root, itsmDir, logDir, mongoPort, log);
    Object.assign(state.pids, pids);
    started.push(...Object.keys(pids));
  }
  writeState(root, { ...state, mode: 'local', amqpUrl, mongoUrl });

  await waitFor(`RabbitMQ on port ${amqpPort} (log: ${path.relative(root, logDir)})`, () => amqpAnswers(amqpUrl), 120_000);
  await waitFor(`the MongoDB-wire server on port ${mongoPort}`, () => mongoAnswers(mongoUrl), 60_000);
  log(`RabbitMQ: ${amqpUrl} (management API ${redact(managementUrl)})`);
  log(`MongoDB wire: ${mongoUrl}`);
  return {
    mode: 'local',
    amqpUrl,
    mongoUrl,
    managementUrl,
    started,
    stop: async () => {
      const recorded = readState(root);
      for (const name of started) {
        const pid = recorded?.pids?.[name];
        if (pid && killGroup(pid)) log(`stopped ${name} (pid ${pid})`);
        if (recorded) delete recorded.pids[name];
      }
      if (recorded) writeState(root, recorded);
    },
  };
}

function startRabbitMq(itsmDir, logDir, port, log) {
  ensureRabbitMqInstalled(log);
  const home = path.join(itsmDir, 'rabbitmq');
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(
    path.join(home, 'rabbitmq.conf'),
    `listeners.tcp.default = 127.0.0.1:${port}\nmanagement.tcp.ip = 127.0.0.1\nmanagement.tcp.port = ${managementPort(port)}\n`,
  );
  fs.writeFileSync(path.join(home, 'enabled_plugins'), '[rabbitmq_management].\n');
  const nodename = rabbitMqNodeName(port);
  log(`starting RabbitMQ (${nodename}) on 127.0.0.1:${port}, data in .itsm/rabbitmq`);
  return spawnDetached(RABBITMQ_SERVER, [], path.join(logDir, 'rabbitmq.out'), {
    HOME: home,
    RABBITMQ_NODENAME: nodename,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(port + 20000),
    RABBITMQ_MNESIA_BASE: path.join(home, 'mnesia'),
    RABBITMQ_LOG_BASE: logDir,
    RABBITMQ_CONFIG_FILE: path.join(home, 'rabbitmq'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(home, 'enabled_plugins'),
  });
}

/** The node name carries the port, so launchers of two checkouts on other ports do not collide. */
const rabbitMqNodeName = (port) => (port === 5672 ? 'itsm@localhost' : `itsm-${port}@localhost`);

/** RabbitMQ's own pairing of ports: 5672 -> 15672, 5671 -> 15671. */
const managementPort = (amqpPort) => amqpPort + 10000;

/**
 * A broker found answering that was started before the launcher enabled the management plugin (or by a
 * launcher of this layout in another checkout) gets it enabled while it runs, with rabbitmq-plugins and
 * this checkout's Erlang cookie; when that is not possible, says what the intake bound needs.
 */
async function ensureRabbitMqManagement(itsmDir, port, managementUrl, log) {
  const probe = new URL(managementUrl);
  const overview = `${probe.protocol}//${probe.host}/api/overview`;
  const authorization = `Basic ${Buffer.from(`${decodeURIComponent(probe.username)}:${decodeURIComponent(probe.password)}`).toString('base64')}`;
  const answers = () =>
    fetch(overview, { headers: { authorization }, signal: AbortSignal.timeout(2000) }).then((response) => response.ok, () => false);
  if (await answers()) return;
  const home = path.join(itsmDir, 'rabbitmq');
  const plugins = '/usr/lib/rabbitmq/bin/rabbitmq-plugins';
  const result = fs.existsSync(plugins)
    ? spawnSync(plugins, ['-n', rabbitMqNodeName(port), 'enable', 'rabbitmq_management'], {
        env: { ...process.env, HOME: home, RABBITMQ_ENABLED_PLUGINS_FILE: path.join(home, 'enabled_plugins') },
        encoding: 'utf8',
        timeout: 60_000,
      })
    : undefined;
  if (result?.status === 0) {
    log('enabled the management plugin of the RabbitMQ found answering');
    await waitFor('the RabbitMQ management API', answers, 30_000).catch(() => undefined);
  }
  if (!(await answers())) {
    log(`the RabbitMQ found answering has no management API at ${overview}: the intake queue stays unbounded (enable rabbitmq_management)`);
  }
}

function ensureRabbitMqInstalled(log) {
  if (fs.existsSync(RABBITMQ_SERVER)) return;
  if (!isRoot() || !commandExists('apt-get')) {
    throw new Error(
      'RabbitMQ is not installed. Install Debian\'s rabbitmq-server (sudo apt-get install -y rabbitmq-server), ' +
        'or run Docker, or point ITSM_AMQP_URL and ITSM_MONGO_URL at running servers.',
    );
  }
  aptInstall('rabbitmq-server', log);
}

let aptUpdated = false;
function aptInstall(pkg, log) {
  log(`installing ${pkg} with apt-get (one time)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  aptUpdated = true;
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { stdio: 'inherit', env });
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function userIds(name) {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) throw new Error(`user ${name} does not exist`);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function waitForSync(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    spawnSync('sleep', ['0.2']);
  }
}

function startMongoWireServer(root, itsmDir, logDir, port, log) {
  if (commandExists('mongod')) {
    const dbPath = path.join(itsmDir, 'mongodb');
    fs.mkdirSync(dbPath, { recursive: true });
    log(`starting mongod on 127.0.0.1:${port}, data in .itsm/mongodb`);
    const args = ['--dbpath', dbPath, '--port', String(port), '--bind_ip', '127.0.0.1'];
    return { mongod: spawnDetached('mongod', args, path.join(logDir, 'mongod.out')) };
  }
  const binary = ensureFerretDb(root, log);
  const pids = {};
  let backendArgs;
  const postgres = process.env.ITSM_FERRETDB_BACKEND === 'sqlite' ? undefined : findPostgres(log);
  if (postgres) {
    // PostgreSQL is FerretDB's production backend and takes concurrent writers; SQLite locks under load.
    const pgPort = port + 1;
    const started = startPostgres(postgres, itsmDir, logDir, pgPort, log);
    if (started) pids.postgres = started;
    // Before FerretDB starts, so every collection it creates from now on gets its companions by trigger.
    ensureFerretDbGinIndexes({ psql: path.join(postgres, 'psql'), postgresUrl: localFerretDbPostgresUrl(pgPort), log });
    // FerretDB can take two pool connections for one request; a pool far above the clients' own pools avoids starvation.
    backendArgs = ['--handler=postgresql', `--postgresql-url=${localFerretDbPostgresUrl(pgPort)}?pool_max_conns=200`];
  } else {
    const dataDir = path.join(itsmDir, 'ferretdb');
    fs.mkdirSync(dataDir, { recursive: true });
    backendArgs = ['--handler=sqlite', `--sqlite-url=file:${dataDir}/`];
  }
  log(`no mongod on PATH: starting FerretDB (${postgres ? 'PostgreSQL' : 'SQLite'} backend) on 127.0.0.1:${port}`);
  pids.ferretdb = spawnDetached(binary, [...backendArgs, `--listen-addr=127.0.0.1:${port}`], path.join(logDir, 'ferretdb.out'));
  return pids;
}

/** FerretDB's database in the PostgreSQL cluster this launcher runs (always on the wire port + 1). */
const localFerretDbPostgresUrl = (pgPort) => `postgres://postgres@127.0.0.1:${pgPort}/ferretdb`;

/**
 * A FerretDB found answering (started by an earlier run, or by another checkout's launcher) is
 * indexed too when it is this launcher's layout: PostgreSQL on the next port with a `ferretdb` database.
 */
async function indexReusedFerretDb(mongoUrl, mongoPort, log) {
  if (!(await isFerretDb(mongoUrl).catch(() => false))) return;
  const pgPort = mongoPort + 1;
  const postgresUrl = localFerretDbPostgresUrl(pgPort);
  const psql = psqlCommand();
  const found = spawnSync(psql, ['-X', '-tAc', "SELECT 1 FROM pg_database WHERE datname = 'ferretdb'", '-d', postgresUrl.replace(/\/ferretdb$/, '/postgres')], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (found.status === 0 && found.stdout.trim() === '1') {
    ensureFerretDbGinIndexes({ psql, postgresUrl, log });
  } else {
    log(`the FerretDB on port ${mongoPort} has no PostgreSQL database on port ${pgPort} (SQLite backend, or another layout): no GIN companion indexes`);
  }
}

/** Debian's psql, else whatever `psql` is on PATH. */
function psqlCommand() {
  const binDir = postgresBinDir();
  return binDir ? path.join(binDir, 'psql') : 'psql';
}

/** The bin directory of the newest Debian PostgreSQL server installed, if any. */
function postgresBinDir() {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'postgres'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(base, newest, 'bin') : undefined;
}

/** Debian's PostgreSQL server binaries, installed with apt-get when missing and running as root. */
function findPostgres(log) {
  const found = postgresBinDir();
  if (found || !isRoot() || !commandExists('apt-get')) {
    if (!found) log('PostgreSQL is not installed and cannot be installed here: using FerretDB\'s SQLite backend (slower under concurrent writes)');
    return found;
  }
  aptInstall('postgresql', log);
  return postgresBinDir();
}

/** Runs a private PostgreSQL cluster in .itsm/postgres (as the postgres user when we are root). Returns its pid, or undefined when reused. */
function startPostgres(binDir, itsmDir, logDir, port, log) {
  const ready = () => spawnSync(path.join(binDir, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]).status === 0;
  const dataDir = path.join(itsmDir, 'postgres');
  const owner = isRoot() ? userIds('postgres') : undefined;
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(dataDir, { recursive: true });
    if (owner) fs.chownSync(dataDir, owner.uid, owner.gid);
    log('initialising a PostgreSQL cluster for FerretDB in .itsm/postgres');
    execFileSync(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], {
      ...asOwner,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const pgLog = path.join(logDir, 'postgres.out');
  if (owner && !fs.existsSync(pgLog)) {
    fs.writeFileSync(pgLog, '');
    fs.chownSync(pgLog, owner.uid, owner.gid);
  }
  let pid;
  if (ready()) {
    log(`PostgreSQL already answers on 127.0.0.1:${port}; reusing it`);
  } else {
    log(`starting PostgreSQL on 127.0.0.1:${port}`);
    pid = spawnDetached(path.join(binDir, 'postgres'), ['-D', dataDir, '-h', '127.0.0.1', '-p', String(port), '-k', dataDir, '-c', 'max_connections=300'], pgLog, {}, asOwner);
    waitForSync(ready, 30_000, 'PostgreSQL');
  }
  const psql = (sql) =>
    spawnSync(path.join(binDir, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-tAc', sql], { encoding: 'utf8' });
  if (psql("SELECT 1 FROM pg_database WHERE datname = 'ferretdb'").stdout.trim() !== '1') {
    const created = psql('CREATE DATABASE ferretdb');
    if (created.status !== 0) throw new Error(`could not create the ferretdb database: ${created.stderr}`);
  }
  return pid;
}

/** Builds FerretDB v1.24.2 from the project's Go module (tools/ferretdb) once, into .tools/bin. */
function ensureFerretDb(root, log) {
  const binary = path.join(root, '.tools', 'bin', 'ferretdb');
  if (fs.existsSync(binary)) return binary;
  if (!commandExists('go')) {
    throw new Error('neither mongod nor Go is available: install Go (to build FerretDB) or MongoDB, or set ITSM_MONGO_URL.');
  }
  log('building FerretDB v1.24.2 from tools/ferretdb (one time, about a minute)');
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  execFileSync('go', ['build', '-o', binary, '.'], {
    cwd: path.join(root, 'tools', 'ferretdb'),
    stdio: 'inherit',
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
  });
  return binary;
}

function spawnDetached(command, args, logFile, env = {}, identity = {}) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...env }, ...identity });
  child.unref();
  fs.closeSync(out);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  return child.pid;
}

/** Stops a detached process and its children (it leads its own process group). */
function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGTERM');
    return true;
  } catch {
    return false;
  }
}

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const statePath = (root) => path.join(root, '.itsm', 'infra.json');

function readState(root) {
  try {
    return JSON.parse(fs.readFileSync(statePath(root), 'utf8'));
  } catch {
    return undefined;
  }
}

function writeState(root, state) {
  fs.mkdirSync(path.dirname(statePath(root)), { recursive: true });
  fs.writeFileSync(statePath(root), `${JSON.stringify(state, null, 2)}\n`);
}

function redact(url) {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
