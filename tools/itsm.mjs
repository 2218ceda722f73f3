#!/usr/bin/env node
// @ts-check
/**
 * The platform's one-command entry point.
 *   node tools/itsm.mjs up     install what is missing, provision RabbitMQ and MongoDB-wire, build, start every app
 *   node tools/itsm.mjs infra  only provision the servers and print their URLs
 *   node tools/itsm.mjs down   stop what `up` started (its apps, from any shell) and the servers `up`/`infra` started
 *   node tools/itsm.mjs deps   only install npm dependencies when missing or stale (run before `npm test`)
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeProcess, isRunning, readAppsRecord, removeAppsRecord, terminate, writeAppsRecord } from './infra/app-processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => console.log(`[itsm] ${line}`);

/**
 * Apps of the embedded default: the operation service runs as three deployments (query, intake, alert-intake) as in Kubernetes.
 * On one host each app needs a metrics port of its own (in containers every app uses the default, 9464).
 */
const APPS = [
  { name: 'operation-query', main: 'operation', port: 3101, env: { ITSM_OPERATION_ROLES: 'query', ITSM_OPERATION_PORT: '3101', ITSM_METRICS_PORT: '9101' } },
  { name: 'operation-intake', main: 'operation', port: 3102, env: { ITSM_OPERATION_ROLES: 'intake', ITSM_OPERATION_PORT: '3102', ITSM_METRICS_PORT: '9102' } },
  { name: 'operation-alert-intake', main: 'operation', port: 3103, env: { ITSM_OPERATION_ROLES: 'alert-intake', ITSM_OPERATION_PORT: '3103', ITSM_METRICS_PORT: '9103' } },
  { name: 'audit', main: 'audit', port: 3201, env: { ITSM_AUDIT_PORT: '3201', ITSM_METRICS_PORT: '9201' } },
  { name: 'design', main: 'design', port: 3301, env: { ITSM_DESIGN_PORT: '3301', ITSM_METRICS_PORT: '9301' } },
  { name: 'strategy', main: 'strategy', port: 3401, env: { ITSM_STRATEGY_PORT: '3401', ITSM_METRICS_PORT: '9401' } },
  { name: 'transition', main: 'transition', port: 3501, env: { ITSM_TRANSITION_PORT: '3501', ITSM_METRICS_PORT: '9501' } },
  {
    name: 'gateway',
    main: 'gateway',
    port: 3000,
    env: {
      ITSM_GATEWAY_PORT: '3000',
      ITSM_METRICS_PORT: '9000',
      ITSM_OPERATION_QUERY_URL: 'http://127.0.0.1:3101',
      ITSM_AUDIT_QUERY_URL: 'http://127.0.0.1:3201',
      ITSM_DESIGN_URL: 'http://127.0.0.1:3301',
      ITSM_STRATEGY_URL: 'http://127.0.0.1:3401',
      ITSM_TRANSITION_URL: 'http://127.0.0.1:3501',
    },
  },
];

function installDependencies() {
  const stamp = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log('installing npm dependencies (npm ci)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}

/**
 * The secret the gateway signs the forwarded caller with and the services verify it with
 * (ITSM_INTERNAL_TOKEN_SECRET): the environment's if set, else one generated on the first `up`
 * into .itsm/ (owner-only) and reused, so restarting one app keeps the others trusting it.
 */
function internalTokenSecret() {
  if (process.env.ITSM_INTERNAL_TOKEN_SECRET) return process.env.ITSM_INTERNAL_TOKEN_SECRET;
  const file = path.join(root, '.itsm', 'internal-token-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    log(`generated the internal token secret in ${path.relative(root, file)}`);
  }
  return fs.readFileSync(file, 'utf8').trim();
}

async function launcher() {
  return import('./infra/launcher.mjs');
}

async function up() {
  const running = readAppsRecord(root);
  if (running && isRunning(running.supervisor)) {
    throw new Error(`the platform is already running (npm start, pid ${running.supervisor.pid}): stop it first with npm run stop`);
  }
  installDependencies();
  const { ensureInfrastructure } = await launcher();
  const infrastructure = await ensureInfrastructure({ root, purpose: 'platform' });
  log('building the apps');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });

  const { httpOk, waitFor } = await import('./infra/probes.mjs');
  const children = [];
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    log('stopping the apps');
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined)));
    removeAppsRecord(root);
    if (infrastructure.started.length > 0) {
      log(`stopping ${infrastructure.started.join(', ')}`);
      await infrastructure.stop();
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0)); // npm run stop
  process.on('SIGHUP', () => void stop(0)); // the terminal closed

  // What runs, for `npm run stop` from another shell.
  const record = { supervisor: describeProcess('npm start', process.pid), apps: [] };
  writeAppsRecord(root, record);
  const sharedEnv = {
    ITSM_AMQP_URL: infrastructure.amqpUrl,
    ITSM_MONGO_URL: infrastructure.mongoUrl,
    ...(infrastructure.managementUrl ? { ITSM_AMQP_MANAGEMENT_URL: infrastructure.managementUrl } : {}),
    ITSM_INTERNAL_TOKEN_SECRET: internalTokenSecret(),
    // Six apps share this terminal: one readable line per entry (containers default to JSON).
    ITSM_LOG_FORMAT: process.env.ITSM_LOG_FORMAT ?? 'pretty',
  };
  for (const app of APPS) {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'apps', app.main, 'src', 'main.js')], {
      cwd: root,
      env: { ...process.env, ...sharedEnv, ...app.env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', (code) => {
      if (!stopping) {
        log(`${app.name} exited with code ${code}; stopping everything`);
        void stop(1);
      }
    });
    children.push(child);
    if (child.pid !== undefined) record.apps.push(describeProcess(app.name, child.pid));
    writeAppsRecord(root, record);
    try {
      await waitFor(`${app.name} to be ready`, () => httpOk(`http://127.0.0.1:${app.port}/health/ready`), 60_000);
    } catch (error) {
      // Not left running unsupervised: what started is stopped.
      log(`${error instanceof Error ? error.message : String(error)}; stopping everything`);
      return stop(1);
    }
    log(`${app.name} ready on http://127.0.0.1:${app.port}   (metrics: http://127.0.0.1:${app.env.ITSM_METRICS_PORT}/metrics)`);
  }
  log('');
  log('ITSM platform is up.');
  log('  Gateway:  http://127.0.0.1:3000   (OpenAPI: http://127.0.0.1:3000/api/docs-json)');
  log(`  RabbitMQ: ${infrastructure.amqpUrl.replace(/\/\/[^@/]*@/, '//')}   exchange itsm.events`);
  log(`  MongoDB:  ${infrastructure.mongoUrl}`);
  log('Press Ctrl-C to stop it all (or run npm run stop in another shell).');
}

async function infra() {
  installDependencies();
  const { ensureInfrastructure } = await launcher();
  const infrastructure = await ensureInfrastructure({ root, purpose: 'platform' });
  console.log(`ITSM_AMQP_URL=${infrastructure.amqpUrl}`);
  console.log(`ITSM_MONGO_URL=${infrastructure.mongoUrl}`);
  if (infrastructure.managementUrl) console.log(`ITSM_AMQP_MANAGEMENT_URL=${infrastructure.managementUrl}`);
}

/**
 * Stops what `up` runs: asks `up` to stop (it stops its apps, then the servers it started), stops any app
 * left running (its `up` was killed), then the servers `up` or `infra` started and recorded. Servers that
 * were already running and merely reused are never recorded, so they keep running.
 */
async function down() {
  const record = readAppsRecord(root);
  if (record) {
    if (await terminate(record.supervisor, 60_000)) log(`stopped npm start (pid ${record.supervisor.pid}) and the apps it ran`);
    for (const app of record.apps) {
      if (await terminate(app, 15_000)) log(`stopped ${app.name} (pid ${app.pid})`);
    }
    removeAppsRecord(root);
  } else {
    log('no apps recorded as running');
  }
  const { stopInfrastructure } = await launcher();
  await stopInfrastructure({ root });
}

const commands = { up, infra, down, deps: async () => installDependencies() };
const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error('usage: node tools/itsm.mjs up | infra | down | deps');
  process.exit(2);
}
command().catch((error) => {
  console.error(`[itsm] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
