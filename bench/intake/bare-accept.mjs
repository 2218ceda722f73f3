// @ts-check
/**
 * Baseline 1, the bare accept path: a plain Fastify server that checks the body
 * against a JSON schema (same fields and limits as the gateway, unknown fields
 * rejected), publishes it with a publisher confirm (persistent, mandatory) through
 * a direct exchange to a durable quorum queue, and answers 202 {id, status}.
 * No Nest, no class-validator, no CloudEvent envelope, no correlation id.
 *
 * Env: BENCH_AMQP_URL, BENCH_PORT, BENCH_EXCHANGE, BENCH_QUEUE.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Fastify = require('fastify');
const amqp = require('amqplib');

const { BENCH_AMQP_URL: amqpUrl, BENCH_PORT: port, BENCH_EXCHANGE: exchange = 'bench.bare.commands', BENCH_QUEUE: queue = 'bench.bare.intake' } = process.env;
if (!amqpUrl || !port) throw new Error('BENCH_AMQP_URL and BENCH_PORT are required');
const ROUTING_KEY = 'bench.bare.incident.register';

const connection = await amqp.connect(amqpUrl);
const channel = await connection.createConfirmChannel();
await channel.assertExchange(exchange, 'direct', { durable: true });
await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
await channel.bindQueue(queue, exchange, ROUTING_KEY);
let returned = 0;
channel.on('return', () => returned++);
connection.on('error', (error) => console.error(`amqp connection error: ${error.message}`));
let closing = false;
connection.on('close', () => {
  if (closing) return;
  console.error('amqp connection closed');
  process.exit(1);
});

const text = (maxLength) => ({ type: 'string', maxLength });
const level = { type: 'integer', enum: [1, 2, 3] };
const bodySchema = {
  type: 'object',
  required: ['title', 'impact', 'urgency'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    description: text(10_000),
    impact: level,
    urgency: level,
    category: text(100),
    serviceId: text(100),
    configurationItemId: text(100),
  },
};

// removeAdditional: false so that unknown fields are rejected (400) like the gateway does, not silently dropped.
const app = Fastify({ logger: false, bodyLimit: 64 * 1024, ajv: { customOptions: { removeAdditional: false, coerceTypes: false } } });

app.get('/health/ready', async () => ({ status: 'ok' }));

app.post(
  '/api/v1/incidents',
  {
    schema: {
      body: bodySchema,
      response: { 202: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } } } },
    },
  },
  async (request, reply) => {
    const id = randomUUID();
    const message = Buffer.from(JSON.stringify({ id, receivedAt: new Date().toISOString(), ...(/** @type {object} */ (request.body)) }));
    await new Promise((resolve, reject) => {
      channel.publish(exchange, ROUTING_KEY, message, { persistent: true, mandatory: true, contentType: 'application/json', messageId: id }, (error) =>
        error ? reject(error) : resolve(undefined),
      );
    });
    reply.code(202);
    return { id, status: 'accepted' };
  },
);

const shutdown = async () => {
  closing = true;
  await app.close().catch(() => undefined);
  if (returned > 0) console.error(`${returned} message(s) returned unroutable`);
  await connection.close().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log(`bare accept server on 127.0.0.1:${port}`);
