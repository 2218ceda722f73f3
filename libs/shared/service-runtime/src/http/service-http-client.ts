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
  ValidationIssue,
} from '@itsm/contracts';
import { Logger } from '@nestjs/common';
import { OriginHeaders } from './request-origin';

/** How long a call may take, answer body included, before the service counts as unavailable. */
const DEFAULT_TIMEOUT_MS = 5_000;

/** The parts of an RFC 9457 problem a service answers that the client passes on. */
interface UpstreamProblem {
  detail?: unknown;
  errors?: unknown;
}

/**
 * Synchronous calls to another service's internal HTTP API, with a timeout. Every call carries the
 * request's origin (the caller's internal token, the correlation id): services answer nothing without it.
 *
 * Answers become the project's own errors, so the caller's mapping answers them and code above the
 * client can tell a missing record from a broken rule without knowing HTTP:
 * - 400 with `errors[]` → RuleViolationError (every offending field), 403 → ForbiddenError,
 *   404 → NotFoundError, 409 → StateConflictError, 410 → RejectedError, 413 → ContentTooLargeError (the gateway's
 *   body limit set above the service's), 422 → UnprocessableError, each with
 *   the service's detail;
 * - 503, no connection, or no complete answer within the timeout → DependencyUnavailableError (503);
 * - anything else → DependencyFailedError (502, no detail), logged with the service and the path:
 *   a 401 (the service refused this server's own internal token, e.g. a secret mismatch, which is
 *   not the end user's fault), any other status, a body that is not JSON. Nothing of the upstream
 *   answer reaches the caller then.
 */
export class ServiceHttpClient {
  private readonly logger: Logger;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(
    baseUrl: string,
    private readonly serviceName: string,
    options: { timeoutMs?: number } = {},
  ) {
    this.logger = new Logger(`ServiceHttpClient:${serviceName}`);
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async get<T>(path: string, origin: OriginHeaders, query: object = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return this.send<T>('GET', `${path}${search}`, undefined, origin);
  }

  /**
   * `path` must be the path the service receives: one with a `.` or `..` segment (an id of `.`
   * encoded as it is), which the URL would resolve to another route, is refused with NotFoundError
   * before any call. Ids are checked for their format before they get here (PATH_PARAMETERS); this
   * keeps a route that builds a path from anything else from reaching another route.
   */
  async send<T>(method: 'GET' | 'POST' | 'PUT', path: string, body: unknown, origin: OriginHeaders): Promise<T> {
    const call = `${method} ${path}`;
    if (new URL(path, 'http://service').pathname !== path.split('?')[0]) throw new NotFoundError('record', path, 'no record has this id');
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: body === undefined ? origin : { 'content-type': 'application/json', ...origin },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      // Read within the same timeout: a service that sends headers and then stalls is as unavailable as a silent one.
      text = await response.text();
    } catch (error) {
      this.logger.warn(`${this.serviceName} unreachable for ${call}: ${String(error)}`);
      throw this.unavailable();
    }
    if (response.status === 503) {
      this.logger.warn(`${this.serviceName} answered 503 to ${call}`);
      throw this.unavailable();
    }
    const answer = parseJson(text);
    if (answer === undefined) throw this.failed(call, `answered ${response.status} with a body that is not JSON (${response.headers.get('content-type') ?? 'no content type'})`);
    if (response.ok) return answer as T;
    const problem = (typeof answer === 'object' && answer !== null ? answer : {}) as UpstreamProblem;
    const detail = typeof problem.detail === 'string' ? problem.detail : response.statusText;
    const passedOn = upstreamClientError(response.status, detail, problem.errors, path);
    if (passedOn) throw passedOn;
    const hint = response.status === 401 ? ' (it refused the internal token: do the gateway and the service share ITSM_INTERNAL_TOKEN_SECRET?)' : '';
    throw this.failed(call, `answered ${response.status}${hint}: ${detail}`);
  }

  private unavailable(): DependencyUnavailableError {
    return new DependencyUnavailableError(`the ${this.serviceName} service is unavailable, retry shortly`);
  }

  /** Logs what went wrong, with the service and the call; the error itself says nothing a caller could use against it. */
  private failed(call: string, what: string): DependencyFailedError {
    this.logger.error(`${this.serviceName} ${what}, for ${call}`);
    return new DependencyFailedError(`the ${this.serviceName} service failed to answer ${call}`);
  }
}

/** The JSON value of a body, or undefined when it is empty or not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A service's client error that means the same to the caller, as the project's own error (the same
 * status and detail once mapped); undefined for a status that means nothing to the caller.
 */
function upstreamClientError(status: number, detail: string, issues: unknown, path: string): Error | undefined {
  switch (status) {
    case 400:
      return Array.isArray(issues) ? new RuleViolationError(issues as ValidationIssue[]) : undefined;
    case 403:
      return new ForbiddenError(detail);
    case 404:
      return new NotFoundError('record', path, detail);
    case 409:
      return new StateConflictError(detail);
    case 410:
      return new RejectedError(detail);
    case 413:
      return new ContentTooLargeError(detail);
    case 422:
      return new UnprocessableError(detail);
    default:
      return undefined;
  }
}
