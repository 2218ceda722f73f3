import { IncidentPage, IncidentView, ListIncidentsQuery } from '@itsm/contracts/operation';
import { OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Inject, Injectable } from '@nestjs/common';

export const OPERATION_QUERY_URL = Symbol('OPERATION_QUERY_URL');

/**
 * Reads incidents from the operation service's query role over HTTP. Reads
 * are synchronous request/response, so plain HTTP (with a timeout) beats RPC
 * over the broker: no reply queues, no broker load, the Kubernetes Service
 * balances and health-checks the replicas.
 */
@Injectable()
export class OperationQueryClient {
  private readonly http: ServiceHttpClient;

  constructor(@Inject(OPERATION_QUERY_URL) baseUrl: string) {
    this.http = new ServiceHttpClient(baseUrl, 'incident');
  }

  getIncident(id: string, origin: OriginHeaders): Promise<IncidentView> {
    return this.http.get<IncidentView>(`/v1/incidents/${encodeURIComponent(id)}`, origin);
  }

  listIncidents(query: ListIncidentsQuery, origin: OriginHeaders): Promise<IncidentPage> {
    return this.http.get<IncidentPage>('/v1/incidents', origin, query);
  }
}
