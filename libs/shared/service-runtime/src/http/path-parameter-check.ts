import type { FastifyInstance } from 'fastify';
import { sendProblem } from './framework-errors';
import { problem } from './problem-details';

/** A wildcard route's rest of the path (CORS's `OPTIONS *`): no record id, nothing to check. */
const WILDCARD = '*';

/**
 * Checks every path parameter of every route against its format (`formats`, by parameter name) before
 * the body is read or a handler runs: a value that does not match cannot name a record and is answered
 * 404 without being repeated, so it never reaches a store or a downstream URL (a `%2e` id would be `.`
 * there and resolve to another route). A route whose parameter has no format makes the app fail to
 * start, so every route, present or future, is checked.
 */
export function checkPathParameters(fastify: FastifyInstance, formats: Readonly<Record<string, RegExp>>): void {
  fastify.addHook('onRoute', (route) => {
    for (const [, name] of route.url.matchAll(/:([A-Za-z0-9_]+)/g)) {
      if (!name || !Object.hasOwn(formats, name)) {
        throw new Error(`route ${route.url} has the path parameter "${name}", which has no format in PATH_PARAMETERS (@itsm/contracts)`);
      }
    }
  });
  fastify.addHook('preParsing', async (request, reply) => {
    if (request.is404) return;
    for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, string>)) {
      if (name === WILDCARD) continue;
      const format = Object.hasOwn(formats, name) ? formats[name] : undefined;
      if (!format?.test(value)) return sendProblem(reply, problem(404, `No record has this ${name}.`));
    }
  });
}
