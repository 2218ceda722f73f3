import Fastify, { FastifyInstance } from 'fastify';
import { answerFrameworkError } from './framework-errors';
import { acceptJsonBodiesOnly } from './json-bodies';
import { answerUnroutedRequests } from './unrouted-requests';

const UUID = '01a20e2a-fed4-7197-a433-736b13a7a69e';

/** A bare Fastify app with the HTTP semantics createHttpApp gives every app at the Fastify level, and routes shaped like the services'. */
async function app(): Promise<FastifyInstance> {
  const fastify = Fastify({ frameworkErrors: answerFrameworkError });
  acceptJsonBodiesOnly(fastify);
  answerUnroutedRequests(fastify);
  fastify.get('/v1/calendars', async () => ({ items: [] }));
  fastify.post('/v1/calendars', async (request) => ({ received: request.body }));
  fastify.get('/v1/calendars/:id', async (request) => ({ params: request.params }));
  fastify.put('/v1/calendars/:id', async (request) => ({ params: request.params }));
  fastify.get('/v1/budgets/:id/:period', async (request) => ({ params: request.params }));
  fastify.options('*', async () => ''); // as CORS registers it
  await fastify.ready();
  return fastify;
}

describe('HTTP semantics of every app', () => {
  let fastify: FastifyInstance;

  beforeAll(async () => {
    fastify = await app();
  });

  afterAll(() => fastify.close());

  describe('bodies', () => {
    it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json', 'application/vnd.itsm+json; charset=utf-8'])(
      'parses %s as JSON',
      async (contentType) => {
        const response = await fastify.inject({ method: 'POST', url: '/v1/calendars', headers: { 'content-type': contentType }, payload: '{"name":"x"}' });
        expect([response.statusCode, response.json()]).toEqual([200, { received: { name: 'x' } }]);
      },
    );

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonx', 'application/x+jsonx', 'text/json'])(
      'refuses %s with 415 before parsing it',
      async (contentType) => {
        const response = await fastify.inject({ method: 'POST', url: '/v1/calendars', headers: { 'content-type': contentType }, payload: 'name=x' });
        expect(response.statusCode).toBe(415);
      },
    );

    it('refuses a body without a content type with 415', async () => {
      const response = await fastify.inject({ method: 'POST', url: '/v1/calendars', payload: Buffer.from('{"name":"x"}') });
      expect(response.statusCode).toBe(415);
    });
  });

  describe('unrouted requests', () => {
    it.each([
      ['DELETE', '/v1/calendars', 'GET, HEAD, OPTIONS, POST'],
      ['PATCH', `/v1/calendars/${UUID}`, 'GET, HEAD, OPTIONS, PUT'],
      ['POST', `/v1/budgets/${UUID}/2026`, 'GET, HEAD, OPTIONS'],
      ['DELETE', '/v1/calendars?with=query', 'GET, HEAD, OPTIONS, POST'],
    ])('answers %s %s 405 with Allow: %s, as problem+json', async (method, url, allow) => {
      const response = await fastify.inject({ method: method as 'DELETE', url });
      expect(response.statusCode).toBe(405);
      expect(response.headers.allow).toBe(allow);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it.each([
      ['GET', '/v1/nothing-SECRET'],
      ['DELETE', '/v1/nothing-SECRET'],
      ['GET', '/v1/calendars/a/b/c'],
    ])('answers %s %s, which no route serves with any method (the wildcard OPTIONS aside), 404 without repeating it', async (method, url) => {
      const response = await fastify.inject({ method: method as 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.headers.allow).toBeUndefined();
      expect(response.body).not.toContain('SECRET');
    });

    it('answers 405 before reading a body, whatever its type', async () => {
      const response = await fastify.inject({ method: 'DELETE', url: '/v1/calendars', headers: { 'content-type': 'text/plain' }, payload: 'x' });
      expect(response.statusCode).toBe(405);
    });
  });

  describe("the router's own errors", () => {
    it.each([
      ['a malformed percent-encoding', '/v1/calendars/%zzSECRET', 400],
      ['a path segment over 100 characters', `/v1/calendars/SECRET${'a'.repeat(200)}`, 414],
    ])('answers %s as problem+json without repeating it', async (_case, url, status) => {
      const response = await fastify.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).not.toContain('SECRET');
    });
  });
});
