import { IncidentPage, IncidentView, ListIncidentsQuery } from '@itsm/contracts';
import { BadGatewayException, HttpException, Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';

export const OPERATION_QUERY_URL = Symbol('OPERATION_QUERY_URL');
const TIMEOUT_MS = 5_000;

/**
 * Reads incidents from the operation service's query role over HTTP. Reads
 * are synchronous request/response, so plain HTTP (with a timeout) beats RPC
 * over the broker: no reply queues, no broker load, the Kubernetes Service
 * balances and health-checks the replicas.
 */
@Injectable()
export class OperationQueryClient {
  private readonly logger = new Logger(OperationQueryClient.name);

  constructor(@Inject(OPERATION_QUERY_URL) private readonly baseUrl: string) {}

  getIncident(id: string): Promise<IncidentView> {
    return this.get<IncidentView>(`/v1/incidents/${encodeURIComponent(id)}`);
  }

  listIncidents(query: ListIncidentsQuery): Promise<IncidentPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return this.get<IncidentPage>(`/v1/incidents${search}`);
  }

  private async get<T>(path: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      this.logger.warn(`operation service unreachable: ${String(error)}`);
      throw new ServiceUnavailableException('the incident service is unavailable, retry shortly');
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return body as T;
    if (response.status < 500) {
      // Pass the operation service's client error (404, 400) through with its detail.
      const detail = (body as { detail?: unknown } | undefined)?.detail;
      throw new HttpException(typeof detail === 'string' ? detail : response.statusText, response.status);
    }
    this.logger.warn(`operation service answered ${response.status} for ${path}`);
    throw new BadGatewayException('the incident service failed to answer');
  }
}
