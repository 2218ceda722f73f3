import Fastify, { FastifyInstance } from 'fastify';
import { acceptJsonBodiesOnly } from './json-bodies';
import { applyRouteBodyLimits, bodyTooLargeDetail } from './route-body-limit';

const KIB = 1024;

/** A bare Fastify app with the app-wide limit of 1 KiB and a route asking for the named limit `import`, as createHttpApp wires them. */
async function app(limits: Record<string, number>): Promise<FastifyInstance> {
  const fastify = Fastify({ bodyLimit: KIB });
  acceptJsonBodiesOnly(fastify);
  applyRouteBodyLimits(fastify, limits);
  fastify.post('/v1/imports', { config: { itsmBodyLimit: 'import' } }, async (request) => ({ limit: request.routeOptions.bodyLimit, size: JSON.stringify(request.body).length }));
  fastify.post('/v1/other', async (request) => ({ limit: request.routeOptions.bodyLimit }));
  await fastify.ready();
  return fastify;
}

const bodyOf = (bytes: number) => JSON.stringify({ text: 'x'.repeat(bytes - '{"text":""}'.length) });

describe('route body limits', () => {
  let fastify: FastifyInstance;

  beforeAll(async () => {
    fastify = await app({ import: 4 * KIB });
  });

  afterAll(() => fastify.close());

  it.each([
    ['the route naming a limit takes a body up to it', '/v1/imports', 4 * KIB, 200],
    ['the route naming a limit refuses a body over it', '/v1/imports', 4 * KIB + 1, 413],
    ['another route keeps the app-wide limit', '/v1/other', KIB, 200],
    ['another route refuses a body over the app-wide limit that the named limit would take', '/v1/other', 2 * KIB, 413],
  ])('%s', async (_case, url, bytes, status) => {
    const response = await fastify.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: bodyOf(bytes) });
    expect(response.statusCode).toBe(status);
  });

  it('gives the route its limit, which a 413 names', async () => {
    const response = await fastify.inject({ method: 'POST', url: '/v1/imports', headers: { 'content-type': 'application/json' }, payload: bodyOf(100) });
    expect(response.json()).toEqual({ limit: 4 * KIB, size: 100 });
    expect(bodyTooLargeDetail(4 * KIB)).toBe('The body is larger than this route accepts (4096 bytes).');
    expect(bodyTooLargeDetail(undefined)).toBe('The body is larger than this server accepts.');
  });

  it('stops the app when a route names a limit the app does not set', async () => {
    await expect(app({})).rejects.toThrow("POST /v1/imports asks for the body limit 'import', which this app does not set");
  });
});
