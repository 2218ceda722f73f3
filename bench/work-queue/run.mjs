#!/usr/bin/env node
// @ts-check
/**
 * Work-queue benchmark: what the first pages of `GET /v1/incidents?sort=slaNextDueAt` cost in the operation
 * service's own read (the build's IncidentRepository.list), with a bare baseline doing the least a page can do on
 * the same documents in the same run: an unsorted read of the same number of ticking incidents by the same equality.
 *
 *   node bench/work-queue/run.mjs [--build]   (npm run bench:work-queue)
 *
 * Per size (ITSM_BENCH_SIZES, default `5000:2000,20000:5000`: incidents stored : of them with a running clock), a
 * database of its own, the incidents schema's indexes made by the build's model (on FerretDB on PostgreSQL the
 * launcher's trigger adds the GIN companions where it is installed), the incidents bulk-inserted in the stored shape
 * (ticking ones new or in progress, due from a day ago to three days ahead, in 10 assignment groups; the others on
 * hold, resolved or closed without a running clock; each with a timeline of 6 entries and its clocks), then
 * PostgreSQL's ANALYZE when the server is FerretDB on a local PostgreSQL (ITSM_BENCH_PG_DATABASE, default `ferretdb`).
 * Then ITSM_BENCH_ROUNDS (30) rounds, sizes alternating, each timing once:
 *   - queue: the first page (50) of sort=slaNextDueAt, no filter;
 *   - group: the first page of one group's queue (assignmentGroupId + sort);
 *   - page 3: the third page of the queue (from the second page's cursor);
 *   - due soon: sort=slaNextDueAt with slaNextDueBefore = now + 1 h;
 *   - baseline: find({slaTicking: true}).limit(51), unsorted, the same projection.
 * Prints p50/p99 of each and the ratio to the baseline's p50. Needs a build (`--build` makes one).
 * See bench/work-queue/README.md and docs/BENCHMARKS.md ("Work queue").
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { analyzeIncidents, benchContext, cpuBusy, describeMongoWire, fmtMs, fmtRatio, ginCompanions, lcgRandom, log, machineFacts, percentile } from '../lib/support.mjs';

const require = createRequire(import.meta.url);
const { root, resultsDir } = benchContext(import.meta.url);
const env = process.env;
const mongoUrl = env.ITSM_MONGO_URL ?? 'mongodb://127.0.0.1:27017/';
const sizes = (env.ITSM_BENCH_SIZES ?? '5000:2000,20000:5000').split(',').map((pair) => pair.split(':').map(Number));
const rounds = Number(env.ITSM_BENCH_ROUNDS ?? 30);
const built = (file) => path.join(root, 'dist', file);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function prepare(tools, mongoose, total, ticking, wire) {
  const dbName = `bench_work_queue_${Date.now().toString(36)}_${total}`;
  const connection = await mongoose.createConnection(mongoUrl, { dbName, ignoreUndefined: true }).asPromise();
  const model = connection.model(tools.schema.IncidentRecord.name, tools.schema.IncidentSchema);
  await model.init();
  const next = lcgRandom(total);
  const now = Date.now();
  const started = performance.now();
  for (let offset = 0; offset < total; offset += 1000) {
    const batch = [];
    for (let index = offset; index < Math.min(total, offset + 1000); index += 1) {
      const createdAt = now - (total - index) * 10 * MINUTE * (ticking / total); // a live desk: newest last
      const id = tools.uuidV7(createdAt);
      const isTicking = next() < ticking / total;
      const dueAt = now - DAY + Math.floor(next() * 4 * DAY);
      const state = isTicking ? (next() < 0.5 ? 'new' : 'in_progress') : ['on_hold', 'resolved', 'closed'][Math.floor(next() * 3)];
      // Missed targets, as a desk accumulates them: a breach stays recorded after resolution (30 % of the resolved
      // and closed: history the queue's first part must not read), and some open work is overdue (10 % of the
      // on-hold, 5 % of the ticking, whose other clock still runs): the queue's first part.
      const breached = next() < (state === 'resolved' || state === 'closed' ? 0.3 : state === 'on_hold' ? 0.1 : 0.05);
      const at = new Date(createdAt);
      batch.push({
        _id: id,
        number: `INC${String(index).padStart(7, '0')}`,
        title: `incident ${index}`,
        callerId: `caller-${Math.floor(next() * 200)}`,
        impact: 2,
        urgency: 2,
        priority: 1 + Math.floor(next() * 4),
        state,
        assignmentGroupId: `group-${Math.floor(next() * 10)}`,
        intakeMessageId: `message-${id}`,
        reportedAt: at,
        createdAt: at,
        updatedAt: at,
        version: 3,
        listBuckets: tools.timeBucketsOf(id, at),
        outbox: [],
        outboxSeq: 0,
        outboxPending: false,
        timeline: Array.from({ length: 6 }, (_, seq) => ({ seq: seq + 1, type: 'commented', at, by: 'agent-1', visibility: 'public', text: 'a comment of a few dozen characters, as people write them' })),
        timelineSeq: 6,
        slas: {
          history: [],
          attachments: [{ slaId: id, version: 1, kind: 'sla', name: 'P3 H+8', calendarId: null, targets: { resolution: { startedAt: createdAt, dueAt, pausedMs: 0, stage: isTicking ? 'in_progress' : 'completed', warned: [] } } }],
          ...(isTicking ? { nextDueAt: dueAt } : {}),
          breached,
        },
        slaBreached: breached,
        ...(isTicking ? { slaNextDueAt: new Date(dueAt), slaTicking: true, slaDueSlot: tools.dueSlotOf(dueAt) } : {}),
      });
    }
    await model.collection.insertMany(batch);
  }
  const openBreached = await model.collection.countDocuments({ slaBreached: true, state: { $in: ['new', 'in_progress', 'on_hold'] } });
  log(`${dbName}: ${total} incidents (${await model.collection.countDocuments({ slaTicking: true })} ticking, ${openBreached} open breached, ${await model.collection.countDocuments({ slaBreached: true })} breached) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (wire.postgresPort) {
    analyzeIncidents(wire.postgresPort, dbName);
    const gin = ginCompanions(wire.postgresPort, dbName);
    log(`${dbName}: ANALYZE done; ${gin} GIN companions`);
  }
  return { total, ticking, dbName, connection, model, repository: new tools.IncidentRepository(model), samples: { queue: [], group: [], page3: [], dueSoon: [], baseline: [] } };
}

async function timed(samples, read) {
  const started = performance.now();
  const result = await read();
  samples.push(performance.now() - started);
  return result;
}

/** The first page is the open breached incidents by priority then id, then the ticking ones by due instant then id. */
function checkQueueOrder(items) {
  const open = ['new', 'in_progress', 'on_hold'];
  const part = (incident) => (incident.slaBreached && open.includes(incident.state) ? 1 : incident.slaTicking ? 2 : 3);
  const key = (incident) => (part(incident) === 1 ? incident.priority : part(incident) === 2 ? incident.slaNextDueAt.getTime() : 0);
  for (const [index, incident] of items.entries()) {
    const before = items[index - 1];
    if (before === undefined) continue;
    const inOrder = part(before) < part(incident) || (part(before) === part(incident) && (key(before) < key(incident) || (key(before) === key(incident) && before._id < incident._id)));
    if (!inOrder) throw new Error(`the queue is out of order at ${index}`);
  }
}

async function measure(context, tools) {
  const { repository, model, samples } = context;
  const queue = await timed(samples.queue, () => repository.list({}, { limit: 50 }, 'slaNextDueAt'));
  if (queue.items.length !== 50) throw new Error(`a first page of ${queue.items.length}`);
  checkQueueOrder([...queue.items]);
  await timed(samples.group, () => repository.list({ assignmentGroupId: 'group-3' }, { limit: 50 }, 'slaNextDueAt'));
  const second = await repository.list({}, { limit: 50, after: tools.decodePageCursor(queue.nextCursor, tools.NEXT_DUE_CURSOR) }, 'slaNextDueAt');
  await timed(samples.page3, () => repository.list({}, { limit: 50, after: tools.decodePageCursor(second.nextCursor, tools.NEXT_DUE_CURSOR) }, 'slaNextDueAt'));
  await timed(samples.dueSoon, () => repository.list({ slaNextDueBefore: new Date(Date.now() + 60 * MINUTE) }, { limit: 50 }, 'slaNextDueAt'));
  await timed(samples.baseline, () => model.collection.find({ slaTicking: true }, { projection: { outbox: 0, timeline: 0, intakeEvents: 0, childCascadePending: 0, listBuckets: 0 } }).limit(51).toArray());
}

async function main() {
  if (process.argv.includes('--build') || !fs.existsSync(built('libs/operation/incidents/src/persistence/incident.repository.js'))) {
    log('building (npm run build)');
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
  require('reflect-metadata');
  const mongoose = require('mongoose');
  const contracts = require(built('libs/shared/contracts/src/index.js'));
  const tools = {
    schema: require(built('libs/operation/incidents/src/persistence/incident.schema.js')),
    IncidentRepository: require(built('libs/operation/incidents/src/persistence/incident.repository.js')).IncidentRepository,
    uuidV7: contracts.uuidV7,
    decodePageCursor: contracts.decodePageCursor,
    NEXT_DUE_CURSOR: require(built('libs/shared/contracts/src/operation/index.js')).NEXT_DUE_CURSOR,
    timeBucketsOf: require(built('libs/shared/time-buckets/src/index.js')).timeBucketsOf,
    dueSlotOf: require(built('libs/shared/service-runtime/src/due-slot-walk.js')).dueSlotOf,
  };
  const { MongoClient } = require('mongodb');
  const client = new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  const wire = await describeMongoWire(client, mongoUrl, root);
  log(`server: ${wire.description}; machine: ${JSON.stringify(machineFacts())}`);
  log(`CPU busy before the run (other work on this machine): ${Math.round((await cpuBusy(2000)) * 100)}%`);
  const contexts = [];
  for (const [total, ticking] of sizes) contexts.push(await prepare(tools, mongoose, total, ticking, wire));
  for (let round = 0; round < rounds; round += 1) {
    for (const context of round % 2 === 0 ? contexts : [...contexts].reverse()) await measure(context, tools);
  }
  console.log('\n| incidents (ticking) | read | p50 ms | p99 ms | p50 / baseline p50 |');
  console.log('| --- | --- | --- | --- | --- |');
  const results = [];
  for (const context of contexts) {
    const base = percentile(context.samples.baseline, 50);
    for (const [name, values] of Object.entries(context.samples)) {
      const figure = { size: context.total, ticking: context.ticking, read: name, p50: percentile(values, 50), p99: percentile(values, 99), ratio: percentile(values, 50) / base };
      results.push(figure);
      console.log(`| ${context.total} (${context.ticking}) | ${name} | ${fmtMs(figure.p50)} | ${fmtMs(figure.p99)} | ${fmtRatio(figure.ratio)} |`);
    }
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), server: wire.description, rounds, results }, null, 2));
  for (const context of contexts) {
    await context.connection.dropDatabase();
    await context.connection.close();
  }
  await client.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
