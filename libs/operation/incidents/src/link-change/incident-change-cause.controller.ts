import { ExpectedVersionRequest } from '@itsm/contracts';
import { IncidentView, RecordCausingChangeRequest } from '@itsm/contracts/operation';
import { timelineVisibility } from '@itsm/operation/incident-domain';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ChangeIncident, IncidentChangeRequest } from '../change-incident/change-incident.use-case';
import { toIncidentView } from '../incident-query/incident-view.mapper';

/**
 * Operation's routes recording the change that caused an incident (`change-cause.ts` of the incident domain),
 * called by the gateway; each is a lifecycle command through `ChangeIncident` (version-guarded, the
 * `incidents.work` policy checked on the record) and answers the incident at its new version. Only the
 * change's id is kept: operation never reads transition's changes.
 */
@Controller('v1/incidents/:id')
export class IncidentChangeCauseController {
  constructor(private readonly changeIncident: ChangeIncident) {}

  @Post('caused-by-change')
  @HttpCode(200)
  record(@Param('id') id: string, @Body() { expectedVersion, changeId, changeNumber }: RecordCausingChangeRequest, @Origin() origin: RequestOrigin): Promise<IncidentView> {
    return this.change(id, expectedVersion, { kind: 'link-change', changeId, changeNumber }, origin);
  }

  @Post('unlink-caused-by-change')
  @HttpCode(200)
  clear(@Param('id') id: string, @Body() { expectedVersion }: ExpectedVersionRequest, @Origin() origin: RequestOrigin): Promise<IncidentView> {
    return this.change(id, expectedVersion, { kind: 'unlink-change' }, origin);
  }

  private async change(id: string, expectedVersion: number, request: IncidentChangeRequest, { actor, correlationId }: RequestOrigin): Promise<IncidentView> {
    const changed = await this.changeIncident.execute(recordId(id, 'incident'), expectedVersion, request, { actor, correlationId });
    return toIncidentView(changed.incident, changed.version, changed, timelineVisibility(actor));
  }
}
