import type { FastifyInstance, FastifyRequest, HTTPMethods } from 'fastify';
import { sendProblem } from './framework-errors';
import { problem } from './problem-details';

/**
 * Requests the router has no route for: a path some route serves with other methods gets 405 with
 * `Allow` listing them (RFC 9110 §15.5.6), any other 404; neither repeats the path. The methods come
 * from the router itself (every route as it is added, and a lookup of the path per method), so every
 * route, present or future, is covered. A wildcard route alone (CORS's `OPTIONS *`) does not make a
 * path known, but its method is listed where the path is. Answered before the body is read.
 */
export function answerUnroutedRequests(fastify: FastifyInstance): void {
  const methods = new Set<string>();
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) methods.add(method.toUpperCase());
  });
  fastify.addHook('preParsing', async (request, reply) => {
    if (!request.is404) return;
    const allowed = routedMethods(fastify, methods, request);
    if (allowed.length === 0) return sendProblem(reply, problem(404, 'Nothing is served at this path.'));
    return sendProblem(reply.header('allow', allowed.join(', ')), problem(405, `This path accepts ${allowed.join(', ')} only.`));
  });
}

/** The methods with a route for the request's path, or none when only wildcard routes match it. */
function routedMethods(fastify: FastifyInstance, methods: ReadonlySet<string>, request: FastifyRequest): string[] {
  const path = request.url.split('?')[0] ?? '';
  let specific = false;
  const allowed: string[] = [];
  for (const method of [...methods].sort()) {
    const route = fastify.findRoute({ method: method as HTTPMethods, url: path });
    if (!route) continue;
    allowed.push(method);
    if (!('*' in (route.params as object))) specific = true;
  }
  return specific ? allowed : [];
}
