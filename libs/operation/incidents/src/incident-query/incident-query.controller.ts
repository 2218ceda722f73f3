import { decodePageCursor, NotFoundError, toPage } from '@itsm/contracts';
import { IncidentPage, IncidentView, ListIncidentsQuery } from '@itsm/contracts/operation';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { IncidentRepository } from '../persistence/incident.repository';
import { toIncidentView } from './incident-view.mapper';

/** Operation's read API, called by the gateway (internal network only). */
@Controller('v1/incidents')
export class IncidentQueryController {
  constructor(private readonly incidents: IncidentRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<IncidentView> {
    const record = await this.incidents.findById(recordId(id, 'incident'));
    if (!record) throw new NotFoundError('incident', id);
    return toIncidentView(record);
  }

  @Get()
  async list(@Query() query: ListIncidentsQuery): Promise<IncidentPage> {
    const { records, hasMore } = await this.incidents.list({
      state: query.state,
      priority: query.priority,
      callerId: query.callerId,
      limit: query.limit,
      beforeId: query.cursor === undefined ? undefined : decodePageCursor(query.cursor),
    });
    return toPage(records, hasMore, toIncidentView);
  }
}
