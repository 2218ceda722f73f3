import { IncidentPage, IncidentTimelinePage, IncidentTimelineQuery, IncidentView, ListIncidentsQuery, ListMajorIncidentsQuery, MajorIncidentPage, MajorIncidentView } from '@itsm/contracts/operation';
import { OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Inject, Injectable } from '@nestjs/common';

export const OPERATION_QUERY_URL = Symbol('OPERATION_QUERY_URL');

/**
 * Reads and changes incidents through the operation service's query role over HTTP (it serves the
 * lifecycle commands too). Reads
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

  getTimeline(id: string, query: IncidentTimelineQuery, origin: OriginHeaders): Promise<IncidentTimelinePage> {
    return this.http.get<IncidentTimelinePage>(`/v1/incidents/${encodeURIComponent(id)}/timeline`, origin, query);
  }

  /** A lifecycle command (`command` is the route's last segment, e.g. `assignment`, `resolution`); answers the changed incident. */
  changeIncident(id: string, command: string, body: object, origin: OriginHeaders): Promise<IncidentView> {
    return this.http.send<IncidentView>('POST', `/v1/incidents/${encodeURIComponent(id)}/${command}`, body, origin);
  }

  /** Proposes the incident as a major incident candidate (201 with the new record). */
  proposeMajorIncident(incidentId: string, body: object, origin: OriginHeaders): Promise<MajorIncidentView> {
    return this.http.send<MajorIncidentView>('POST', `/v1/incidents/${encodeURIComponent(incidentId)}/major-incident`, body, origin);
  }

  /** A step of a major incident (`decision`, `updates` by POST, `review` by PUT); answers the record as changed. */
  changeMajorIncident(method: 'POST' | 'PUT', id: string, step: string, body: object, origin: OriginHeaders): Promise<MajorIncidentView> {
    return this.http.send<MajorIncidentView>(method, `/v1/major-incidents/${encodeURIComponent(id)}/${step}`, body, origin);
  }

  getMajorIncident(id: string, origin: OriginHeaders): Promise<MajorIncidentView> {
    return this.http.get<MajorIncidentView>(`/v1/major-incidents/${encodeURIComponent(id)}`, origin);
  }

  listMajorIncidents(query: ListMajorIncidentsQuery, origin: OriginHeaders): Promise<MajorIncidentPage> {
    return this.http.get<MajorIncidentPage>('/v1/major-incidents', origin, query);
  }
}
