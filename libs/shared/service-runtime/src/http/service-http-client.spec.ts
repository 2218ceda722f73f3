import {
  ContentTooLargeError,
  DependencyFailedError,
  DependencyUnavailableError,
  ForbiddenError,
  NotFoundError,
  RejectedError,
  RuleViolationError,
  StateConflictError,
  UnprocessableError,
} from '@itsm/contracts';
import { Logger } from '@nestjs/common';
import { once } from 'node:events';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { toProblem } from './problem-details.filter';
import { INTERNAL_PRINCIPAL_HEADER } from '../internal-token/internal-token';
import { originHeaders } from './request-origin';
import { ServiceHttpClient } from './service-http-client';

/** What a leaked upstream answer would show: an address and a credential. */
const INTERNALS = 'mongodb://admin:s3cret@10.0.0.5';

/**
 * A service on 127.0.0.1 (a free port the OS picks): `/status/<code>` answers that status with a
 * problem+json body (detail naming internals, `?errors` adds a field list), `/text/<code>` a plain
 * text body, `/stall` headers and then nothing, `/echo` what it received.
 */
function route(request: IncomingMessage, response: ServerResponse, body: string): void {
  const url = new URL(request.url ?? '/', 'http://service');
  const [, kind, code] = url.pathname.split('/');
  const status = Number(code);
  if (kind === 'status') {
    const errors = url.searchParams.has('errors') ? { errors: [{ field: 'name', messages: ['name must not be empty'] }] } : {};
    response.writeHead(status, { 'content-type': 'application/problem+json' });
    response.end(JSON.stringify({ type: 'about:blank', status, detail: `refused (${INTERNALS})`, ...errors }));
  } else if (kind === 'text') {
    response.writeHead(status, { 'content-type': 'text/html' });
    response.end(`<html>${INTERNALS}</html>`);
  } else if (kind === 'stall') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"items": [');
  } else {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ method: request.method, url: request.url, principal: request.headers[INTERNAL_PRINCIPAL_HEADER], contentType: request.headers['content-type'], body }));
  }
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('ServiceHttpClient against a real HTTP server', () => {
  const origin = originHeaders('internal-token-of-the-caller', 'corr-1');
  const filterLogger = { error: jest.fn(), warn: jest.fn() } as unknown as Logger;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => route(request, response, body));
  });
  let client: ServiceHttpClient;
  let logged: jest.SpyInstance;

  beforeAll(async () => {
    client = new ServiceHttpClient(`${await listen(server)}/`, 'design', { timeoutMs: 300 });
  });

  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  /** The error a GET of `path` throws. */
  const thrownBy = async (path: string): Promise<unknown> => {
    try {
      await client.get(path, origin);
    } catch (error) {
      return error;
    }
    throw new Error(`GET ${path} did not throw`);
  };

  it('returns the JSON answer of a call that carries the origin and the body (the control)', async () => {
    const answer = await client.send<Record<string, unknown>>('POST', '/echo', { name: 'Lisbon office' }, origin);
    expect(answer).toEqual({
      method: 'POST',
      url: '/echo',
      principal: 'internal-token-of-the-caller',
      contentType: 'application/json',
      body: JSON.stringify({ name: 'Lisbon office' }),
    });
    expect(await client.get('/echo', origin, { limit: 5, cursor: undefined })).toMatchObject({ method: 'GET', url: '/echo?limit=5' });
  });

  it.each([
    ['/status/403', 'ForbiddenError', ForbiddenError, 403],
    ['/status/404', 'NotFoundError', NotFoundError, 404],
    ['/status/409', 'StateConflictError', StateConflictError, 409],
    ['/status/410', 'RejectedError', RejectedError, 410],
    ['/status/413', 'ContentTooLargeError', ContentTooLargeError, 413],
    ['/status/422', 'UnprocessableError', UnprocessableError, 422],
  ])('passes on %s as %s with the service detail, answered %i', async (path, _name, kind, status) => {
    const error = await thrownBy(path);
    expect(error).toBeInstanceOf(kind);
    expect(toProblem(error, filterLogger)).toMatchObject({ status, detail: `refused (${INTERNALS})` });
  });

  it('passes on a 400 with its field list as a RuleViolationError, answered 400 with every field', async () => {
    const error = await thrownBy('/status/400?errors');
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(toProblem(error, filterLogger)).toMatchObject({ status: 400, errors: [{ field: 'name', messages: ['name must not be empty'] }] });
  });

  it.each([
    ['a 503', '/status/503'],
    ['a 503 whose body is not JSON (a proxy in front of it)', '/text/503'],
    ['no complete answer within the timeout', '/stall'],
  ])('answers %s as DependencyUnavailableError, 503 without detail', async (_case, path) => {
    const error = await thrownBy(path);
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(toProblem(error, filterLogger)).toEqual({ type: 'about:blank', title: 'Service Unavailable', status: 503 });
  });

  it('answers a service nobody listens for as DependencyUnavailableError, 503', async () => {
    const closed = createServer();
    const url = await listen(closed);
    closed.close();
    await once(closed, 'close');
    const error = await new ServiceHttpClient(url, 'design').get('/v1/calendars', origin).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(toProblem(error, filterLogger).status).toBe(503);
  });

  it.each([
    ['a 401 (the service refused the gateway\'s own internal token, not the end user\'s)', '/status/401'],
    ['a 400 without a field list', '/status/400'],
    ['a 429', '/status/429'],
    ['a 500', '/status/500'],
    ['a 502', '/status/502'],
    ['a 504', '/status/504'],
    ['a 200 whose body is not JSON', '/text/200'],
    ['a 404 whose body is not JSON', '/text/404'],
  ])('answers %s as DependencyFailedError, 502 with no upstream detail, logged with the service and the path', async (_case, path) => {
    const error = await thrownBy(path);
    expect(error).toBeInstanceOf(DependencyFailedError);
    const problem = toProblem(error, filterLogger);
    expect(problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
    expect(JSON.stringify(problem)).not.toContain('10.0.0.5');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('design'));
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`GET ${path}`));
  });

  it.each(['/echo/.', '/echo/..', '/echo/%2e', '/echo/%2E%2e/x', '/echo/./x?limit=1'])(
    'refuses the path %s, which the URL would resolve to another route, as NotFoundError without calling',
    async (path) => {
      const error = await thrownBy(path);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(toProblem(error, filterLogger)).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'no record has this id' });
    },
  );

  it('never answers 401 to the end user, whose own token was fine', async () => {
    const problem = toProblem(await thrownBy('/status/401'), filterLogger);
    expect(problem.status).not.toBe(401);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('ITSM_INTERNAL_TOKEN_SECRET'));
  });
});
