#!/usr/bin/env node
// @ts-check
/**
 * CMDB import benchmark: ITSM_BENCH_ITEMS (50,000) items and four times as many relationships (200,000)
 * imported THROUGH THE API (gateway → transition → the MongoDB-wire server) in JSON requests, against a
 * bare `insertMany` of the same documents into scratch collections of the same database, in the same run.
 *
 *   flock /tmp/itsm-bench.lock node bench/cmdb-import/run.mjs [--build]      (npm run bench:cmdb-import)
 *
 * 1. A transition service and a gateway start on a database and a RabbitMQ vhost of the bench's own; the
 *    bench binds a queue of its own to `itsm.events` there and counts the import's events by id and type.
 * 2. Baseline: the generated items and relationships in the stored shape (ids, external keys, which end
 *    depends on which) inserted with unordered `insertMany` of 1,000 into scratch collections carrying the
 *    service's indexes, timed, then dropped.
 * 3. The import: items, then relationships, in requests of ITSM_BENCH_CHUNK (10,000, the most a request takes) JSON rows, one
 *    request at a time; every row must be reported created. Then the wait until every created item and
 *    relationship has its event on the bench's queue (distinct event ids by type).
 * 4. The same import again: every row must be reported unchanged, the collections' counts stay the same,
 *    and no further event is published.
 * 5. The baseline again (B A A B: the machine's drift shows in the two baselines).
 * Prints rows/s of each and their ratio to the mean baseline, the total time, `uptime` before and after;
 * raw output in bench/cmdb-import/results/latest.json. See bench/cmdb-import/README.md, docs/BENCHMARKS.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  amqpUrlOf,
  benchContext,
  bounded,
  buildAndSnapshot,
  cleanupOnSignals,
  cleanupRun,
  connectServers,
  ensureVhost,
  freshLogDir,
  gatewayApi,
  int,
  log,
  machineFacts,
  mintDevToken,
  reportProblemLines,
  resultsJson,
  runBench,
  sleep,
  startTransitionBehindGateway,
  uptimeLine,
} from '../lib/support.mjs';
import { generateCmdb } from '../impact/cmdb-shape.mjs';

const require = createRequire(import.meta.url);
const { root, resultsDir, logDir, buildCopy, issuerDir, ctl, stamp, internalTokenSecret } = benchContext(import.meta.url);
const env = process.env;

const settings = {
  items: int(env.ITSM_BENCH_ITEMS, 50_000),
  chunk: int(env.ITSM_BENCH_CHUNK, 10_000),
  baselineBatch: 1_000,
  /** How long the event count must stay still after the repeated import to count as "no further event". */
  quietMs: 5_000,
};
const dbName = `bench_cmdb_import_${stamp}`;
const vhost = `itsm_bench_cmdb_import_${stamp}`;
const EVENT_TYPES = { item: 'itsm.transition.configuration-item.registered.v1', relationship: 'itsm.transition.relationship.added.v1' };
let mongoClient;
let amqpConnection;
let vhostMade = false;

async function cleanup() {
  await bounded('closing the event counter', amqpConnection?.close());
  await cleanupRun({ mongoClient, databases: [dbName, `${dbName}_gateway`], dropMs: 120_000, vhost: vhostMade ? vhost : undefined, ctl, buildCopy, issuerDir });
}
cleanupOnSignals(cleanup);

const built = (relative) => path.join(buildCopy, relative);
const perSecond = (rows, seconds) => Math.round(rows / seconds);

/**
 * Counts the events on a queue of the bench's own bound to every event type: distinct ids by type, and
 * every delivery (a redelivered event counts once among the distinct, again among the deliveries).
 */
async function countEvents(amqpUrl) {
  const amqp = require('amqplib');
  amqpConnection = await amqp.connect(amqpUrl);
  const channel = await amqpConnection.createChannel();
  await channel.assertExchange('itsm.events', 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, 'itsm.events', '#');
  await channel.prefetch(2_000);
  const ids = new Map();
  const counter = { deliveries: 0, lastAt: performance.now(), distinct: (type) => ids.get(type)?.size ?? 0 };
  await channel.consume(queue, (message) => {
    if (!message) return;
    const event = JSON.parse(message.content.toString());
    let seen = ids.get(event.type);
    if (!seen) ids.set(event.type, (seen = new Set()));
    seen.add(event.id);
    counter.deliveries += 1;
    counter.lastAt = performance.now();
    channel.ack(message);
  });
  return counter;
}

/** The items and relationships as the service stores them, for the baseline's bare inserts (ids made here). */
function storedShapes(cmdb, uuidV7, relationshipIdOf, dependencyOf) {
  const at = new Date();
  const stored = { outbox: [], outboxSeq: 0, outboxPending: false };
  const idOf = new Map(cmdb.items.map((item) => [item.externalId, uuidV7()]));
  const items = cmdb.items.map((item) => ({ _id: idOf.get(item.externalId), ...item, externalKey: item.externalId, version: 1, createdAt: at, updatedAt: at, ...stored }));
  const relationships = cmdb.relationships.map(({ type, fromExternalId, toExternalId }) => {
    const [fromItemId, toItemId] = [idOf.get(fromExternalId), idOf.get(toExternalId)];
    return { _id: relationshipIdOf(type, fromItemId, toItemId), type, fromItemId, toItemId, ...dependencyOf(type, fromItemId, toItemId), createdAt: at, ...stored };
  });
  return { items, relationships };
}

/** The bare baseline: unordered insertMany of `batch` into a scratch collection with the service's indexes; seconds, then the collection dropped. */
async function bareInsert(database, name, documents, indexes, batch) {
  const collection = database.collection(name);
  for (const [keys, options] of indexes) await collection.createIndex(keys, options);
  const started = performance.now();
  for (let start = 0; start < documents.length; start += batch) await collection.insertMany(documents.slice(start, start + batch), { ordered: false });
  const seconds = (performance.now() - started) / 1000;
  await collection.drop();
  return seconds;
}

async function main() {
  freshLogDir(logDir);
  const startedAt = new Date();
  const uptimeBefore = uptimeLine();
  const servers = await connectServers(root);
  const { amqpBase, mongoUrl, broker } = servers;
  mongoClient = servers.mongoClient;
  const server = servers.wire.description;
  log(`servers: ${broker}; ${server}; uptime before: ${uptimeBefore}`);

  const build = buildAndSnapshot(root, buildCopy, 'apps/transition/src/main.js');

  ensureVhost(vhost, ctl);
  vhostMade = true;
  const amqpUrl = amqpUrlOf(amqpBase, vhost);
  const events = await countEvents(amqpUrl);
  const token = mintDevToken(built('apps/gateway/src/mint-dev-token.js'), issuerDir, root, { user: 'bench-cmdb', roles: 'configuration_manager', ttlS: 7200 });
  const { transition, gateway, gatewayPort } = await startTransitionBehindGateway({ buildCopy, logDir, amqpUrl, mongoUrl, dbName, internalTokenSecret, issuerDir });
  const api = gatewayApi(gatewayPort, token);

  const cmdb = generateCmdb(settings.items);
  log(`generated ${cmdb.items.length} items and ${cmdb.relationships.length} relationships`);
  const database = mongoClient.db(dbName);
  const { uuidV7 } = require(built('libs/shared/contracts/src/index.js'));
  const { dependencyOf, relationshipIdOf } = require(built('libs/transition/cmdb-domain/src/index.js'));

  const baseline = async () => {
    const shapes = storedShapes(cmdb, uuidV7, relationshipIdOf, dependencyOf);
    const items = await bareInsert(database, 'bench_scratch_items', shapes.items, [[{ externalKey: 1 }, { unique: true }], [{ classKey: 1 }], [{ lifecycleState: 1 }]], settings.baselineBatch);
    const relationships = await bareInsert(database, 'bench_scratch_relationships', shapes.relationships, [[{ dependent: 1 }], [{ dependency: 1 }]], settings.baselineBatch);
    log(`bare insertMany: ${shapes.items.length} items ${items.toFixed(1)} s, ${shapes.relationships.length} relationships ${relationships.toFixed(1)} s`);
    return { itemsSeconds: items, relationshipsSeconds: relationships };
  };

  /** Imports `rows` in requests of `settings.chunk`, one at a time; checks each report with `expect`; the seconds it took and the slowest request. */
  const importAll = async (kind, rows, expect) => {
    const started = performance.now();
    let slowest = 0;
    for (let start = 0; start < rows.length; start += settings.chunk) {
      const requestStarted = performance.now();
      const report = await api('POST', `/api/v1/cmdb/imports/${kind}`, { [kind]: rows.slice(start, start + settings.chunk) });
      slowest = Math.max(slowest, performance.now() - requestStarted);
      const size = Math.min(settings.chunk, rows.length - start);
      if (report[expect] !== size || report.rows.length !== size) {
        throw new Error(`import of ${kind} from row ${start}: expected ${size} ${expect}, got ${JSON.stringify({ ...report, rows: report.rows.filter((row) => row.outcome !== expect).slice(0, 3) })}`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    log(`${kind}: ${rows.length} rows ${expect} in ${seconds.toFixed(1)} s (${perSecond(rows.length, seconds)}/s), slowest request ${(slowest / 1000).toFixed(1)} s`);
    return { rows: rows.length, seconds, perSecond: perSecond(rows.length, seconds), slowestRequestSeconds: slowest / 1000 };
  };
  const counts = async () => ({ items: await database.collection('configuration_items').countDocuments({}), relationships: await database.collection('ci_relationships').countDocuments({}) });

  const baselineBefore = await baseline();

  const importStarted = performance.now();
  const items = await importAll('items', cmdb.items, 'created');
  const relationships = await importAll('relationships', cmdb.relationships, 'created');
  const importSeconds = (performance.now() - importStarted) / 1000;
  // Every created item and relationship has its event out: the import is done when they are.
  const expected = { [EVENT_TYPES.item]: cmdb.items.length, [EVENT_TYPES.relationship]: cmdb.relationships.length };
  const complete = () => Object.entries(expected).every(([type, count]) => events.distinct(type) >= count);
  for (const deadline = Date.now() + 30 * 60_000; !complete(); await sleep(250)) {
    if (Date.now() > deadline) throw new Error(`events after 30 min: ${JSON.stringify(Object.keys(expected).map((type) => [type, events.distinct(type)]))}`);
  }
  const eventsSeconds = (performance.now() - importStarted) / 1000;
  const distinctEvents = Object.fromEntries(Object.keys(expected).map((type) => [type, events.distinct(type)]));
  log(`every event published ${(eventsSeconds - importSeconds).toFixed(1)} s after the last request (${JSON.stringify(distinctEvents)}, ${events.deliveries} deliveries)`);
  const countsAfterImport = await counts();
  if (countsAfterImport.items !== cmdb.items.length || countsAfterImport.relationships !== cmdb.relationships.length) throw new Error(`stored after the import: ${JSON.stringify(countsAfterImport)}`);

  const deliveriesBeforeRepeat = events.deliveries;
  const repeatStarted = performance.now();
  const itemsAgain = await importAll('items', cmdb.items, 'unchanged');
  const relationshipsAgain = await importAll('relationships', cmdb.relationships, 'unchanged');
  const repeatSeconds = (performance.now() - repeatStarted) / 1000;
  while (performance.now() - events.lastAt < settings.quietMs) await sleep(500);
  const countsAfterRepeat = await counts();
  const eventsOfRepeat = events.deliveries - deliveriesBeforeRepeat;
  if (JSON.stringify(countsAfterRepeat) !== JSON.stringify(countsAfterImport) || eventsOfRepeat !== 0) {
    throw new Error(`the repeated import changed something: counts ${JSON.stringify(countsAfterRepeat)}, ${eventsOfRepeat} events`);
  }
  log(`repeated import: every row unchanged in ${repeatSeconds.toFixed(1)} s, counts equal ${JSON.stringify(countsAfterRepeat)}, no event`);

  const baselineAfter = await baseline();
  const uptimeAfter = uptimeLine();
  const bare = {
    itemsSeconds: (baselineBefore.itemsSeconds + baselineAfter.itemsSeconds) / 2,
    relationshipsSeconds: (baselineBefore.relationshipsSeconds + baselineAfter.relationshipsSeconds) / 2,
  };
  const bareRate = { items: perSecond(cmdb.items.length, bare.itemsSeconds), relationships: perSecond(cmdb.relationships.length, bare.relationshipsSeconds) };
  const machine = machineFacts();
  const row = (what, rows, seconds, base) => `  | ${what} | ${rows} | ${seconds.toFixed(1)} | ${perSecond(rows, seconds)} | ${(perSecond(rows, seconds) / base).toFixed(2)} |`;
  console.log('');
  console.log(`CMDB import through the API, ${cmdb.items.length} items and ${cmdb.relationships.length} relationships, requests of ${settings.chunk} JSON rows, one at a time`);
  console.log(`  ${startedAt.toISOString()}; build ${build.sha256}; ${machine.nproc} CPUs (${machine.cpuModel}), Node ${machine.node}; ${broker}; ${server}`);
  console.log(`  uptime before: ${uptimeBefore}`);
  console.log(`  uptime after:  ${uptimeAfter}`);
  console.log('  | what | rows | s | rows/s | ratio to bare insertMany |');
  console.log('  | --- | --- | --- | --- | --- |');
  console.log(row('items, first import', cmdb.items.length, items.seconds, bareRate.items));
  console.log(row('relationships, first import', cmdb.relationships.length, relationships.seconds, bareRate.relationships));
  console.log(row('items, repeated (all unchanged)', cmdb.items.length, itemsAgain.seconds, bareRate.items));
  console.log(row('relationships, repeated (all unchanged)', cmdb.relationships.length, relationshipsAgain.seconds, bareRate.relationships));
  console.log(`  | bare insertMany items (before / after) | ${cmdb.items.length} | ${baselineBefore.itemsSeconds.toFixed(1)} / ${baselineAfter.itemsSeconds.toFixed(1)} | ${bareRate.items} | 1 |`);
  console.log(`  | bare insertMany relationships (before / after) | ${cmdb.relationships.length} | ${baselineBefore.relationshipsSeconds.toFixed(1)} / ${baselineAfter.relationshipsSeconds.toFixed(1)} | ${bareRate.relationships} | 1 |`);
  console.log(`  first import: ${importSeconds.toFixed(1)} s for both, every event published at ${eventsSeconds.toFixed(1)} s (bare inserts of both: ${(bare.itemsSeconds + bare.relationshipsSeconds).toFixed(1)} s); slowest request ${Math.max(items.slowestRequestSeconds, relationships.slowestRequestSeconds).toFixed(1)} s`);
  console.log(`  repeated import: ${repeatSeconds.toFixed(1)} s, every row unchanged, counts equal, no event`);
  reportProblemLines([transition, gateway]);
  fs.writeFileSync(
    path.join(resultsDir, 'latest.json'),
    resultsJson(
      {
        startedAt,
        build,
        machine,
        server,
        broker,
        settings,
        uptime: { before: uptimeBefore, after: uptimeAfter },
        baseline: { before: baselineBefore, after: baselineAfter, perSecond: bareRate },
        import: { items, relationships, seconds: importSeconds, eventsPublishedSeconds: eventsSeconds, distinctEvents, deliveries: deliveriesBeforeRepeat },
        repeat: { items: itemsAgain, relationships: relationshipsAgain, seconds: repeatSeconds, counts: countsAfterRepeat, events: eventsOfRepeat },
      },
      3,
    ),
  );
}

await runBench(main, cleanup);
