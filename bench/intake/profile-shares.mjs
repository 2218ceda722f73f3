#!/usr/bin/env node
// @ts-check
/**
 * Where a process's CPU time went, share by share: `node bench/intake/profile-shares.mjs <file.cpuprofile> [skipSeconds]`.
 *
 * Each sample is charged to the nearest frame, from the leaf towards the root, that is not Node's own
 * (`node:` internals such as streams, crypto or async hooks count for the code that called them), and
 * that frame's file decides the share (the table below, first match wins). Garbage collection and
 * `(program)` are shares of their own; idle time is left out. `skipSeconds` leaves out the start
 * (module loading, connecting) so that the shares are those of the load.
 */
import fs from 'node:fs';

/** @type {[string, RegExp][]} */
const SHARES = [
  ['JWT verification (jose)', /jose\/|token-verifier|bearer-credentials/],
  ['internal token (sign, verify)', /internal-token/],
  ['validation (class-validator, class-transformer, JSON checks)', /class-validator|class-transformer|validate-plain|validation\.pipe|untrusted-json|text-rule|missing-values|validation-issues|validation-metadata-cache|json-body-parser|json-bodies/],
  ['logging (pino, log context)', /pino|log-context|request-logging|app-logger/],
  ['metrics (prom-client)', /prom-client|http-metrics|platform-metrics/],
  ['idempotency', /idempotency/],
  ['rate limiting', /rate-limit|principal-rate-limiter/],
  ['access guard (policy, roles)', /access\.guard|libs\/shared\/access/],
  ['security headers + CORS (helmet, @fastify/cors)', /helmet|fastify\/cors/],
  ['ids (uuidV7, correlation id)', /uuid-v7|correlation-id/],
  ['outbox relay (publish, mark sent)', /outbox-relay|document-write-lock|write-lease/],
  ['incident write (insert, number allocation)', /incident-write|incident-number|number-block/],
  ['register-incident use case + domain', /register-incident|incident-created|incident-domain/],
  ['CloudEvent building + intake publisher', /create-cloud-event|incident-intake\.publisher/],
  ['AMQP consumer (transport strategy, parse, ack)', /amqp-transport|queue-consumer|queue-subscription|delivery-count|failure-outcome|parking-monitor|contracts\/src\/catalog|cloud-event/],
  ['publish + confirm (MessagePublisher, amqplib)', /message-publisher|amqplib|amqp-connection/],
  ['MongoDB driver, mongoose, bson', /mongodb\/|mongoose|bson|mquery|kareem/],
  ['controller + path parameters', /incidents\.controller|path-parameters/],
  ['Nest (router, guards, pipes, interceptors) + rxjs', /@nestjs|rxjs/],
  ['Fastify (routing, hooks, body, reply) + middie', /fastify|find-my-way|middie|light-my-request|avvio|toad-cache|secure-json-parse/],
];

const [file, skipArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-shares.mjs <file.cpuprofile> [skipSeconds]');
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const skipUs = Number(skipArg ?? 0) * 1e6;
const charged = new Map();
let clock = 0;
let measured = 0;
for (let index = 0; index < profile.samples.length; index++) {
  const delta = profile.timeDeltas[index] ?? 0;
  clock += delta;
  if (clock < skipUs) continue;
  measured += delta;
  let id = profile.samples[index];
  const leaf = nodes.get(id).callFrame;
  let share = ['(garbage collector)', '(idle)', '(program)'].includes(leaf.functionName) ? leaf.functionName : undefined;
  for (; share === undefined && id !== undefined; id = parent.get(id)) {
    const { url } = nodes.get(id).callFrame;
    if (!url || url.startsWith('node:')) continue;
    share = SHARES.find(([, pattern]) => pattern.test(url))?.[0] ?? `other: ${url.replace(/.*node_modules\//, '').split('/').slice(0, 2).join('/')}`;
  }
  share ??= 'Node core (HTTP, sockets, streams, timers)';
  charged.set(share, (charged.get(share) ?? 0) + delta);
}
const busy = measured - (charged.get('(idle)') ?? 0);
console.log(`${(busy / 1000).toFixed(0)} ms busy of ${(measured / 1000).toFixed(0)} ms measured; shares of the busy time:`);
for (const [share, time] of [...charged].filter(([share]) => share !== '(idle)').sort((a, b) => b[1] - a[1])) {
  if (time / busy >= 0.002) console.log(`${((100 * time) / busy).toFixed(1).padStart(5)} %  ${share}`);
}
