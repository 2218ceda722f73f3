import { ExpectedVersionRequest } from '@itsm/contracts';
import { IncidentView, LinkParentIncidentRequest } from '@itsm/contracts/operation';
import { timelineVisibility } from '@itsm/operation/incident-domain';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ChangedIncident } from '../change-incident/change-incident.use-case';
import { toIncidentView } from '../incident-query/incident-view.mapper';
import { LinkParentIncident } from './link-parent.use-case';

/** Operation's parent and child routes, called by the gateway; each answers the child as changed, at its new version. */
@Controller('v1/incidents/:id')
export class IncidentParentController {
  constructor(private readonly linkParent: LinkParentIncident) {}

  @Post('parent')
  @HttpCode(200)
  async link(@Param('id') id: string, @Body() { expectedVersion, parentId }: LinkParentIncidentRequest, @Origin() { actor, correlationId }: RequestOrigin): Promise<IncidentView> {
    return view(await this.linkParent.link(recordId(id, 'incident'), expectedVersion, parentId, { actor, correlationId }), actor);
  }

  @Post('unlink-parent')
  @HttpCode(200)
  async unlink(@Param('id') id: string, @Body() { expectedVersion }: ExpectedVersionRequest, @Origin() { actor, correlationId }: RequestOrigin): Promise<IncidentView> {
    return view(await this.linkParent.unlink(recordId(id, 'incident'), expectedVersion, { actor, correlationId }), actor);
  }
}

function view(changed: ChangedIncident, actor: RequestOrigin['actor']): IncidentView {
  return toIncidentView(changed.incident, changed.version, changed, timelineVisibility(actor));
}
