import { IncidentAlertsView } from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OPERATION_ALERTS_CLIENT } from '../operation-client';

/** The alerts correlated to an incident. */
@ApiTags('alerts')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller('api/v1/incidents')
export class IncidentAlertsController {
  constructor(@Inject(OPERATION_ALERTS_CLIENT) private readonly operation: ServiceHttpClient) {}

  @Get(':id/alerts')
  @RequirePolicy('alerts.read')
  @ApiOperation({ summary: 'List the alerts correlated to an incident, oldest first', description: 'Firing and resolved, with whether they flap; none for an incident no alert raised.' })
  @ApiViewResponse(200, IncidentAlertsView)
  @ApiProblemResponses(502, 503)
  alerts(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentAlertsView> {
    return this.operation.get<IncidentAlertsView>(`/v1/incidents/${encodeURIComponent(id)}/alerts`, origin);
  }
}
