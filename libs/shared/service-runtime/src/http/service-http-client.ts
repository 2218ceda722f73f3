import { BadGatewayException, HttpException, Logger, ServiceUnavailableException } from '@nestjs/common';

const TIMEOUT_MS = 5_000;

/**
 * Synchronous reads from another service's internal HTTP API, with a timeout.
 * Its client errors (404, 400) pass through with their detail; an unreachable
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
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}${search}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      this.logger.warn(`${this.serviceName} unreachable: ${String(error)}`);
      throw new ServiceUnavailableException(`the ${this.serviceName} service is unavailable, retry shortly`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return body as T;
    if (response.status < 500) {
      const detail = (body as { detail?: unknown } | undefined)?.detail;
      throw new HttpException(typeof detail === 'string' ? detail : response.statusText, response.status);
    }
    this.logger.warn(`${this.serviceName} answered ${response.status} for ${path}`);
    throw new BadGatewayException(`the ${this.serviceName} service failed to answer`);
  }
}
