import { NotFoundError, pageRequest, toPage } from '@itsm/contracts';
import { IncidentPage, IncidentView, ListIncidentsQuery } from '@itsm/contracts/operation';
import { incidentReadScope } from '@itsm/operation/incident-domain';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { IncidentRepository } from '../persistence/incident.repository';
import { toIncidentView } from './incident-view.mapper';

/**
 * Operation's read API, called by the gateway (internal network only). Who reads which incidents
 * is decided here, in the query itself (`incidentReadScope` of the verified caller): a requester's
 * read finds only incidents they reported, so another's is 404 and a list holds only their own.
 */
@Controller('v1/incidents')
export class IncidentQueryController {
  constructor(private readonly incidents: IncidentRepository) {}

  @Get(':id')
  async get(@Param('id') id: string, @Origin() { actor }: RequestOrigin): Promise<IncidentView> {
    const record = await this.incidents.findById(recordId(id, 'incident'), incidentReadScope(actor));
    if (!record) throw new NotFoundError('incident', id);
    return toIncidentView(record);
  }

  @Get()
  async list(@Query() query: ListIncidentsQuery, @Origin() { actor }: RequestOrigin): Promise<IncidentPage> {
    const scope = incidentReadScope(actor);
    const page = await this.incidents.list(
      {
        state: query.state,
        priority: query.priority,
        // A caller limited to their own incidents gets them whatever callerId says.
        callerId: scope.callerId ?? query.callerId,
      },
      pageRequest(query),
    );
    return toPage(page, toIncidentView);
  }
}
