#!/usr/bin/env node
// @ts-check
/**
 * Impact-analysis benchmark: an upstream walk of the CMDB through the API, against a bare in-memory
 * breadth-first walk over the same graph, in the same run.
 *
 *   flock /tmp/itsm-bench.lock node bench/impact/run.mjs [--build]      (npm run bench:impact)
 *
 * 1. A transition service and a gateway start on a database and a RabbitMQ vhost of the bench's own.
 * 2. A generated CMDB of ITSM_BENCH_ITEMS items (50,000) and four times as many relationships (200,000)
 *    is stored as the service stores it (insertMany, events already published), timed. Then the import path
 *    through the API on rows of its own: ITSM_BENCH_IMPORT_ITEMS (2,000) new applications and a relationship
 *    each to a server of the CMDB, in requests of 1,000 JSON rows, timed; the first request of each kind is
 *    repeated and must report every row unchanged; then the bench waits until the outbox relay has published
 *    the import's events, timed.
 *    The graph (seeded, the same every run): business services use applications and depend on one
 *    another; applications run on servers and depend on databases and on other applications (cycles);
 *    databases run on servers; hosts host virtual servers; servers connect to network devices.
 * 3. ITSM_BENCH_WALKS (200) walks upstream from random servers to depth ITSM_BENCH_DEPTH (6), after 20
 *    untimed: each one through the gateway (GET /api/v1/cmdb/items/:id/impact, one at a time) and, right
 *    before it, the bare walk (an adjacency map built in this process from the generated relationships,
 *    a queue and a visited set) over the same graph from the same item; both must reach the same items.
 * Prints p50 and p99 of each and their ratios, the items a walk reached, and the time per item reached
 * (what shows the cost follows the neighbourhood: compare runs at other ITSM_BENCH_ITEMS).
 * See bench/impact/README.md and docs/BENCHMARKS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  amqpUrlOf,
  benchContext,
  buildAndSnapshot,
  cleanupOnSignals,
  cleanupRun,
  connectServers,
  cpuBusy,
  ensureVhost,
  fmtMs,
  fmtRatio,
  freshLogDir,
  gatewayApi,
  int,
  log,
  machineFacts,
  mintDevToken,
  percentile,
  reportProblemLines,
  resultsJson,
  round,
  runBench,
  startTransitionBehindGateway,
} from '../lib/support.mjs';
import { generateCmdb, random } from './cmdb-shape.mjs';

const require = createRequire(import.meta.url);
const { root, resultsDir, logDir, buildCopy, issuerDir, ctl, stamp, internalTokenSecret } = benchContext(import.meta.url);
const env = process.env;

const settings = {
  items: int(env.ITSM_BENCH_ITEMS, 50_000),
  walks: int(env.ITSM_BENCH_WALKS, 200),
  warmup: 20,
  depth: int(env.ITSM_BENCH_DEPTH, 6),
  chunk: 1_000,
  importItems: int(env.ITSM_BENCH_IMPORT_ITEMS, 2_000),
};
const dbName = `bench_impact_${stamp}`;
const vhost = `itsm_bench_impact_${stamp}`;
let mongoClient;
let vhostMade = false;

const cleanup = () => cleanupRun({ mongoClient, databases: [dbName, `${dbName}_gateway`], vhost: vhostMade ? vhost : undefined, ctl, buildCopy, issuerDir });
cleanupOnSignals(cleanup);

// ---------------------------------------------------------------------------
// The generated CMDB

/** The bare baseline: dependency → dependents, then a queue and a visited set, to `depth`. */
function bareIndex(relationships) {
  const dependents = new Map();
  for (const { type, fromExternalId: from, toExternalId: to } of relationships) {
    const [dependent, dependency] = type === 'hosts' || type === 'part_of' ? [to, from] : [from, to];
    let list = dependents.get(dependency);
    if (!list) dependents.set(dependency, (list = []));
    list.push(dependent);
  }
  return dependents;
}

function bareWalk(dependents, origin, depth) {
  const seen = new Set([origin]);
  let frontier = [origin];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next = [];
    for (const item of frontier) for (const dependent of dependents.get(item) ?? []) if (!seen.has(dependent)) (seen.add(dependent), next.push(dependent));
    frontier = next;
  }
  return seen.size - 1;
}

// ---------------------------------------------------------------------------

const built = (relative) => path.join(buildCopy, relative);
const loadavg = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');

async function main() {
  freshLogDir(logDir);
  const startedAt = new Date();
  const loadBefore = loadavg();
  const servers = await connectServers(root);
  const { amqpBase, mongoUrl, broker } = servers;
  mongoClient = servers.mongoClient;
  const server = servers.wire.description;
  log(`servers: ${broker}; ${server}; load average before: ${loadBefore}`);

  const build = buildAndSnapshot(root, buildCopy, 'apps/transition/src/main.js');

  ensureVhost(vhost, ctl);
  vhostMade = true;
  const amqpUrl = amqpUrlOf(amqpBase, vhost);
  // A token of the build's development issuer, minted before the gateway starts (it reads the issuer's keys at start).
  const token = mintDevToken(built('apps/gateway/src/mint-dev-token.js'), issuerDir, root, { user: 'bench-cmdb', roles: 'configuration_manager', ttlS: 7200 });
  const { transition, gateway, gatewayPort } = await startTransitionBehindGateway({
    buildCopy,
    logDir,
    amqpUrl,
    mongoUrl,
    dbName,
    internalTokenSecret,
    issuerDir,
    // An import request of 5,000 rows.
    gatewayEnv: { ITSM_BODY_LIMIT_BYTES: String(8 * 1024 * 1024) },
  });
  const api = gatewayApi(gatewayPort, token);

  const cmdb = generateCmdb(settings.items);
  log(`generated ${cmdb.items.length} items and ${cmdb.relationships.length} relationships`);
  const database = mongoClient.db(dbName);

  // The CMDB stored as the service stores it (ids, external keys, which end depends on which), events already
  // published: the walks are measured on 50,000 items without waiting for 250,000 events to go out first.
  const { uuidV7 } = require(built('libs/shared/contracts/src/index.js'));
  const { dependencyOf, relationshipIdOf } = require(built('libs/transition/cmdb-domain/src/index.js'));
  const seedStarted = performance.now();
  const at = new Date();
  const stored = { outbox: [], outboxSeq: 0, outboxPending: false };
  const idOf = new Map(cmdb.items.map((item) => [item.externalId, uuidV7()]));
  const itemDocuments = cmdb.items.map((item) => ({ _id: idOf.get(item.externalId), ...item, externalKey: item.externalId, version: 1, createdAt: at, updatedAt: at, ...stored }));
  const relationshipDocuments = cmdb.relationships.map(({ type, fromExternalId, toExternalId }) => {
    const [fromItemId, toItemId] = [idOf.get(fromExternalId), idOf.get(toExternalId)];
    return { _id: relationshipIdOf(type, fromItemId, toItemId), type, fromItemId, toItemId, ...dependencyOf(type, fromItemId, toItemId), createdAt: at, ...stored };
  });
  for (const [collection, documents] of [['configuration_items', itemDocuments], ['ci_relationships', relationshipDocuments]]) {
    for (let start = 0; start < documents.length; start += 1_000) await database.collection(collection).insertMany(documents.slice(start, start + 1_000), { ordered: false });
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  log(`stored ${itemDocuments.length} items and ${relationshipDocuments.length} relationships in ${seedSeconds.toFixed(1)} s`);

  // The import path through the API, on rows of its own: new applications, each running on a server of the CMDB.
  const pickServer = random(7);
  const extraItems = Array.from({ length: settings.importItems }, (_, index) => ({ externalId: `imported-app-${index}`, classKey: 'application', name: `imported app ${index}`, lifecycleState: 'operational', attributes: { version: '1.0' } }));
  const extraRelationships = extraItems.map(({ externalId }) => ({ type: 'runs_on', fromExternalId: externalId, toExternalId: cmdb.servers[Math.floor(pickServer() * cmdb.servers.length)] }));
  const importAll = async (kind, rows) => {
    const started = performance.now();
    for (let start = 0; start < rows.length; start += settings.chunk) {
      const report = await api('POST', `/api/v1/cmdb/imports/${kind}`, { [kind]: rows.slice(start, start + settings.chunk) });
      const expected = Math.min(settings.chunk, rows.length - start);
      if (report.created !== expected) throw new Error(`import of ${kind} ${start}: ${JSON.stringify({ ...report, rows: report.rows.filter((row) => row.outcome !== 'created').slice(0, 3) })}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const again = await api('POST', `/api/v1/cmdb/imports/${kind}`, { [kind]: rows.slice(0, settings.chunk) });
    if (again.unchanged !== Math.min(settings.chunk, rows.length)) throw new Error(`a repeated import of ${kind} changed something: ${JSON.stringify({ ...again, rows: [] })}`);
    log(`imported ${rows.length} ${kind} in ${seconds.toFixed(1)} s (${Math.round(rows.length / seconds)}/s); repeated: all unchanged`);
    return { rows: rows.length, seconds: round(seconds, 1), perSecond: Math.round(rows.length / seconds) };
  };
  const itemsImport = await importAll('items', extraItems);
  const relationshipsImport = await importAll('relationships', extraRelationships);
  for (const { fromExternalId, toExternalId } of extraRelationships) cmdb.relationships.push({ type: 'runs_on', fromExternalId, toExternalId });

  // The events of the import go out through the outbox relay; measure the walks once they have.
  const drainStarted = performance.now();
  for (;;) {
    const pending = (await database.collection('configuration_items').countDocuments({ outboxPending: true })) + (await database.collection('ci_relationships').countDocuments({ outboxPending: true }));
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  const drainSeconds = (performance.now() - drainStarted) / 1000;
  log(`outboxes drained ${drainSeconds.toFixed(1)} s after the import`);

  const dependents = bareIndex(cmdb.relationships);
  const pickOrigin = random(42);
  const origins = Array.from({ length: settings.warmup + settings.walks }, () => cmdb.servers[Math.floor(pickOrigin() * cmdb.servers.length)]);

  const busy = await cpuBusy(2000);
  const loadAtWalks = loadavg();
  const walked = [];
  const bare = [];
  const reached = [];
  const perItem = [];
  for (const [index, origin] of origins.entries()) {
    const bareStarted = performance.now();
    const bareReached = bareWalk(dependents, origin, settings.depth);
    const bareMs = performance.now() - bareStarted;
    const started = performance.now();
    const answer = await api('GET', `/api/v1/cmdb/items/${idOf.get(origin)}/impact?direction=upstream&depth=${settings.depth}`);
    const ms = performance.now() - started;
    if (answer.reached.length !== bareReached) throw new Error(`walk from ${origin}: the API reached ${answer.reached.length} items, the bare walk ${bareReached}`);
    if (index < settings.warmup) continue;
    walked.push(ms);
    bare.push(bareMs);
    reached.push(bareReached);
    if (bareReached > 0) perItem.push(ms / bareReached);
  }
  const results = {
    apiMs: { p50: percentile(walked, 50), p99: percentile(walked, 99) },
    bareMs: { p50: percentile(bare, 50), p99: percentile(bare, 99) },
    ratio: { p50: percentile(walked, 50) / percentile(bare, 50), p99: percentile(walked, 99) / percentile(bare, 99) },
    reached: { p50: percentile(reached, 50), p99: percentile(reached, 99), max: Math.max(...reached) },
    msPerReachedItem: { p50: percentile(perItem, 50), p99: percentile(perItem, 99) },
  };
  const loadAfter = loadavg();
  const machine = machineFacts();
  console.log('');
  console.log(`impact walk, upstream to depth ${settings.depth}, from ${settings.walks} random servers of ${cmdb.items.length} items / ${cmdb.relationships.length} relationships`);
  console.log(`  ${startedAt.toISOString()}; build ${build.sha256}; ${machine.nproc} CPUs (${machine.cpuModel}), Node ${machine.node}; ${broker}; ${server}`);
  console.log(`  load average before ${loadBefore}, at the walks ${loadAtWalks}, after ${loadAfter}; CPU busy before the walks ${Math.round(busy * 100)}%`);
  console.log(`  stored directly: ${cmdb.items.length} items and ${relationshipDocuments.length} relationships in ${round(seedSeconds, 1)} s`);
  console.log(`  import through the API (requests of ${settings.chunk} rows): ${itemsImport.rows} items ${itemsImport.seconds} s (${itemsImport.perSecond}/s), ${relationshipsImport.rows} relationships ${relationshipsImport.seconds} s (${relationshipsImport.perSecond}/s), their events published ${round(drainSeconds, 1)} s later`);
  console.log('  | walk | p50 ms | p99 ms |');
  console.log('  | --- | --- | --- |');
  console.log(`  | API (gateway → transition → database) | ${fmtMs(results.apiMs.p50)} | ${fmtMs(results.apiMs.p99)} |`);
  console.log(`  | bare in-memory BFS | ${results.bareMs.p50.toFixed(3)} | ${results.bareMs.p99.toFixed(3)} |`);
  console.log(`  | ratio | ${fmtRatio(results.ratio.p50)} | ${fmtRatio(results.ratio.p99)} |`);
  console.log(`  items reached per walk: p50 ${results.reached.p50}, p99 ${results.reached.p99}, max ${results.reached.max}; API ms per item reached: p50 ${results.msPerReachedItem.p50.toFixed(2)}, p99 ${results.msPerReachedItem.p99.toFixed(2)}`);
  reportProblemLines([transition, gateway]);
  fs.writeFileSync(
    path.join(resultsDir, 'latest.json'),
    resultsJson({ startedAt, build, machine, server, broker, settings, loadavg: { before: loadBefore, walks: loadAtWalks, after: loadAfter }, cpuBusyBeforeWalks: busy, seededSeconds: seedSeconds, import: { items: itemsImport, relationships: relationshipsImport, eventsDrainedSeconds: drainSeconds }, results }, 4),
  );
}

await runBench(main, cleanup);
