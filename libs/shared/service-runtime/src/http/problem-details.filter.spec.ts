import * as contracts from '@itsm/contracts';
import { ContentTooLargeError, DependencyFailedError, DependencyUnavailableError, DomainError, ForbiddenError, NotFoundError, PrerequisiteMissingError, RejectedError, RuleViolationError, StateConflictError, UnprocessableError, VersionConflictError } from '@itsm/contracts';
import { ArgumentsHost, HttpException, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { problemStatusOf } from './domain-error-status';
import { ProblemDetailsFilter, toProblem } from './problem-details.filter';

describe('toProblem', () => {
  const logger = { error: jest.fn() } as unknown as Logger;

  it('lists every offending field of a validation failure', () => {
    const problem = toProblem(new RuleViolationError([{ field: 'impact', messages: ['impact must be one of 1, 2, 3'] }]), logger);
    expect(problem).toMatchObject({ status: 400, title: 'Bad Request', errors: [{ field: 'impact' }] });
  });

  it('keeps the detail of a client error', () => {
    expect(toProblem(new NotFoundException('incident 42 not found'), logger)).toMatchObject({ status: 404, detail: 'incident 42 not found' });
  });

  it("maps the web framework's own errors (body too large) by their status code", () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(toProblem(tooLarge, logger)).toMatchObject({ status: 413, title: 'Content Too Large' });
  });

  it.each([
    ['a media type other than JSON (Nest hands it on as an HttpException)', new HttpException('Unsupported Media Type', 415), 415, 'application/json'],
    ['a URL that is not validly percent-encoded', Object.assign(new Error("'/v1/%zzSECRET' is not a valid url component"), { statusCode: 400, code: 'FST_ERR_BAD_URL' }), 400, 'percent-encoded'],
    ['a path segment too long', Object.assign(new Error("'/v1/SECRET' is exceeding the max param length"), { statusCode: 414, code: 'FST_ERR_MAX_PARAM_LENGTH' }), 414, 'URI is longer'],
    ['an error of the framework nobody described', Object.assign(new Error('SECRET'), { statusCode: 400, code: 'FST_ERR_SOMETHING_NEW' }), 400, undefined],
  ])("answers the framework's refusal of %s with a fixed sentence, never its message", (_case, error, status, detail) => {
    const answer = toProblem(error, logger);
    expect(answer).toMatchObject({ status });
    if (detail) expect(answer.detail).toContain(detail);
    else expect(answer.detail).toBeUndefined();
    expect(JSON.stringify(answer)).not.toContain('SECRET');
  });

  it('says nothing about internals for server errors', () => {
    const problem = toProblem(new Error('connection string mongodb://admin:secret@db'), logger);
    expect(problem).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
    expect(JSON.stringify(toProblem(new ServiceUnavailableException('broker at 10.0.0.5 down'), logger))).not.toContain('10.0.0.5');
  });
});

describe('domain errors over HTTP', () => {
  const logger = { error: jest.fn(), warn: jest.fn() } as unknown as Logger;

  it.each([
    [new ForbiddenError('only the owner may change it'), 403],
    [new NotFoundError('calendar', 'c-1'), 404],
    [new VersionConflictError('c-1', 3, 2), 409],
    [new StateConflictError('service s-1 is withdrawn from the catalogue'), 409],
    [new PrerequisiteMissingError('the charter has not arrived'), 409],
    [new RejectedError('incident report i-1 was rejected: the title is too long'), 410],
    [new UnprocessableError('the figures cannot be computed exactly'), 422],
  ])('%s is answered %i with its message', (error, status) => {
    expect(toProblem(error, logger)).toMatchObject({ status, detail: error.message });
  });

  it('answers an unreachable dependency 503 without saying where it is', () => {
    const problem = toProblem(new DependencyUnavailableError('broker at 10.0.0.5 down'), logger);
    expect(problem).toEqual({ type: 'about:blank', title: 'Service Unavailable', status: 503 });
  });

  it('maps every domain error the contracts export to a status of its own (none falls through to 500)', () => {
    const kinds = Object.values(contracts).filter(
      (value): value is typeof DomainError => typeof value === 'function' && value.prototype instanceof DomainError,
    );
    expect(kinds.length).toBeGreaterThanOrEqual(8);
    for (const kind of kinds) expect([kind.name, problemStatusOf(Object.create(kind.prototype) as DomainError)]).not.toEqual([kind.name, 500]);
  });

  it('answers a dependency that failed 502 without repeating what it answered', () => {
    const problem = toProblem(new DependencyFailedError('design answered 500: mongodb://admin:secret@10.0.0.5'), logger);
    expect(problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
  });

  it('answers a domain error nobody mapped as a server fault, 500', () => {
    class UnmappedError extends DomainError {
      readonly retryable = false;
    }
    expect(toProblem(new UnmappedError('new kind'), logger)).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
  });
});

describe('ProblemDetailsFilter on a 413', () => {
  /** What the filter sends for `exception` on a route whose body limit is 64 KiB. */
  function answered(exception: unknown): Record<string, unknown> {
    let sent: Record<string, unknown> = {};
    const reply = { status: () => reply, header: () => reply, send: (body: Record<string, unknown>) => ((sent = body), reply) };
    const request = { url: '/api/v1/changes', routeOptions: { bodyLimit: 64 * 1024 } };
    const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
    new ProblemDetailsFilter().catch(exception, host);
    return sent;
  }

  it("names this route's limit when the framework refused the body", () => {
    expect(answered(Object.assign(new Error('Request body is too large'), { statusCode: 413 }))).toMatchObject({ status: 413, detail: 'The body is larger than this route accepts (65536 bytes).' });
  });

  it("keeps the service's own detail when a service behind the gateway refused it (the gateway's limit set above the service's)", () => {
    const fromService = new ContentTooLargeError('The body is larger than this route accepts (16384 bytes).');
    expect(answered(fromService)).toMatchObject({ status: 413, detail: 'The body is larger than this route accepts (16384 bytes).' });
  });
});
