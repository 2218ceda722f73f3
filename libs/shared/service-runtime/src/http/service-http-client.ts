import { DependencyUnavailableError, ForbiddenError, NotFoundError, RuleViolationError, StateConflictError, UnprocessableError, ValidationIssue } from '@itsm/contracts';
import { BadGatewayException, HttpException, Logger } from '@nestjs/common';
import { OriginHeaders } from './request-origin';

const TIMEOUT_MS = 5_000;

/**
 * Synchronous calls to another service's internal HTTP API, with a timeout. Every call carries the
 * request's origin (the caller's internal token, the correlation id): services answer nothing without it.
 * Its client errors pass through (a 400 with every offending field); an unreachable
 * service is 503 and a failing one 502, never a hang or a leaked internal.
 */
export class ServiceHttpClient {
  private readonly logger: Logger;

  constructor(
    private readonly baseUrl: string,
    private readonly serviceName: string,
  ) {
    this.logger = new Logger(`ServiceHttpClient:${serviceName}`);
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async get<T>(path: string, origin: OriginHeaders, query: object = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return this.send<T>('GET', `${path}${search}`, undefined, origin);
  }

  async send<T>(method: 'GET' | 'POST' | 'PUT', path: string, body: unknown, origin: OriginHeaders): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: body === undefined ? origin : { 'content-type': 'application/json', ...origin },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      this.logger.warn(`${this.serviceName} unreachable: ${String(error)}`);
      throw new DependencyUnavailableError(`the ${this.serviceName} service is unavailable, retry shortly`);
    }
    const answer: unknown = await response.json().catch(() => undefined);
    if (response.ok) return answer as T;
    if (response.status < 500) {
      const problem = answer as { detail?: unknown; errors?: ValidationIssue[] } | undefined;
      const detail = typeof problem?.detail === 'string' ? problem.detail : response.statusText;
      throw upstreamClientError(response.status, detail, problem?.errors, path);
    }
    this.logger.warn(`${this.serviceName} answered ${response.status} for ${path}`);
    throw new BadGatewayException(`the ${this.serviceName} service failed to answer`);
  }
}

/**
 * A service's client error as the project's own error, so the caller's mapping answers it as the
 * service did (the same status and detail) and code above the client can tell a missing record
 * from a broken rule without knowing HTTP. Statuses with no domain meaning pass through as they are.
 */
function upstreamClientError(status: number, detail: string, issues: ValidationIssue[] | undefined, path: string): Error {
  switch (status) {
    case 400:
      return Array.isArray(issues) ? new RuleViolationError(issues) : new HttpException(detail, status);
    case 403:
      return new ForbiddenError(detail);
    case 404:
      return new NotFoundError('record', path, detail);
    case 409:
      return new StateConflictError(detail);
    case 422:
      return new UnprocessableError(detail);
    default:
      return new HttpException(detail, status);
  }
}
