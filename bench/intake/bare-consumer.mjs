// @ts-check
/**
 * Baseline 2, the bare persist path: a plain amqplib consumer (manual ack, the
 * same prefetch as the operation intake) that parses each message, inserts it
 * with insertOne into `incidents` (MongoDB driver, the same pool size as the
 * operation service's mongoose connection) and then acks. Messages are handled
 * concurrently up to the prefetch, as the project's consumer does. No CloudEvent
 * validation, no incident number, no secondary indexes, no outbox, no event.
 *
 * Each document gets `insertedAt` (when its handling began), so the drain rate
 * can be read from the stored documents, like the project's `createdAt`.
 *
 * Env: BENCH_AMQP_URL, BENCH_MONGO_URL, BENCH_DB, BENCH_PORT (readiness), BENCH_QUEUE, BENCH_PREFETCH, BENCH_POOL.
 */
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const amqp = require('amqplib');
const { MongoClient } = require('mongodb');

const env = process.env;
const amqpUrl = env.BENCH_AMQP_URL;
const mongoUrl = env.BENCH_MONGO_URL;
const dbName = env.BENCH_DB;
const port = Number(env.BENCH_PORT);
const queue = env.BENCH_QUEUE ?? 'bench.bare.intake';
const prefetch = Number(env.BENCH_PREFETCH ?? 64);
const poolSize = Number(env.BENCH_POOL ?? 10);
if (!amqpUrl || !mongoUrl || !dbName || !port) throw new Error('BENCH_AMQP_URL, BENCH_MONGO_URL, BENCH_DB and BENCH_PORT are required');

let ready = false;
const health = http.createServer((request, response) => {
  response.statusCode = ready ? 200 : 503;
  response.end(ready ? '{"status":"ok"}' : '{"status":"starting"}');
});
health.listen(port, '127.0.0.1');

const client = new MongoClient(mongoUrl, { maxPoolSize: poolSize, ignoreUndefined: true });
await client.connect();
const incidents = client.db(dbName).collection('incidents');

const connection = await amqp.connect(amqpUrl);
let closing = false;
connection.on('error', (error) => console.error(`amqp connection error: ${error.message}`));
connection.on('close', () => {
  if (closing) return;
  console.error('amqp connection closed');
  process.exit(1);
});
const channel = await connection.createChannel();
await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
await channel.prefetch(prefetch);

let failures = 0;
await channel.consume(
  queue,
  (message) => {
    if (!message) return;
    void (async () => {
      const insertedAt = new Date();
      try {
        const { id, receivedAt, ...fields } = JSON.parse(message.content.toString('utf8'));
        await incidents.insertOne({ _id: id, ...fields, receivedAt: new Date(receivedAt), insertedAt });
        channel.ack(message);
      } catch (error) {
        if (error?.code === 11000) {
          channel.ack(message); // a redelivery of something stored
          return;
        }
        failures++;
        console.error(`insert failed, requeueing: ${error?.message ?? error}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        channel.nack(message, false, true);
      }
    })();
  },
  { noAck: false },
);
ready = true;
console.log(`bare consumer on ${queue} (prefetch ${prefetch}, pool ${poolSize}) -> ${dbName}.incidents`);

const shutdown = async () => {
  closing = true;
  ready = false;
  if (failures > 0) console.error(`${failures} insert failure(s)`);
  await connection.close().catch(() => undefined);
  await client.close().catch(() => undefined);
  health.close();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
