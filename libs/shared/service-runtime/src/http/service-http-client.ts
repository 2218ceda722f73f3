import { ValidationIssue } from '@itsm/contracts';
import { BadGatewayException, HttpException, Logger, ServiceUnavailableException } from '@nestjs/common';
import { RequestValidationException } from './request-validation.exception';

const TIMEOUT_MS = 5_000;

/**
 * Synchronous calls to another service's internal HTTP API, with a timeout.
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

  async get<T>(path: string, query: object = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return this.send<T>('GET', `${path}${search}`);
  }

  async send<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      this.logger.warn(`${this.serviceName} unreachable: ${String(error)}`);
      throw new ServiceUnavailableException(`the ${this.serviceName} service is unavailable, retry shortly`);
    }
    const answer: unknown = await response.json().catch(() => undefined);
    if (response.ok) return answer as T;
    if (response.status < 500) {
      const problem = answer as { detail?: unknown; errors?: ValidationIssue[] } | undefined;
      if (response.status === 400 && Array.isArray(problem?.errors)) throw new RequestValidationException(problem.errors);
      throw new HttpException(typeof problem?.detail === 'string' ? problem.detail : response.statusText, response.status);
    }
    this.logger.warn(`${this.serviceName} answered ${response.status} for ${path}`);
    throw new BadGatewayException(`the ${this.serviceName} service failed to answer`);
  }
}
