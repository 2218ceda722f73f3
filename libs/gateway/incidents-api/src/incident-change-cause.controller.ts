import { ExpectedVersionRequest } from '@itsm/contracts';
import { IncidentView, RecordCausingChangeRequest } from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiProblemResponses, ApiViewResponse, OriginHeaders } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { INCIDENTS_PATH } from './incidents.controller';
import { OperationQueryClient } from './operation-query.client';

const VERSIONED = "Written only if `expectedVersion` is still the incident's version (409 otherwise); answers the incident at its new version.";

/**
 * The change that caused an incident: record it (transition's change id, optionally its number) and clear it.
 * Checks each route's roles and forwards; the operation service decides on the record (a resolver on their
 * groups' incidents only, 403 otherwise; open or resolved incidents only, 409 otherwise).
 */
@ApiTags('incidents')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(INCIDENTS_PATH)
export class IncidentChangeCauseController {
  constructor(private readonly operation: OperationQueryClient) {}

  @Post(':id/caused-by-change')
  @HttpCode(200)
  @RequirePolicy('incidents.work')
  @ApiOperation({
    summary: 'Record the change that caused an incident',
    description: `The incident is open or resolved; \`changeId\` is transition's change id (a UUID; 400 naming \`changeId\` otherwise, or when it is recorded already), \`changeNumber\` optionally its number (CHG0000042). Replaces the change recorded before. The incidents a change caused: GET /api/v1/incidents?causedByChangeId=. ${VERSIONED} Emits itsm.operation.incident.change-linked.v1.`,
  })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  record(@Param('id') id: string, @Body() body: RecordCausingChangeRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'caused-by-change', body, origin);
  }

  @Post(':id/unlink-caused-by-change')
  @HttpCode(200)
  @RequirePolicy('incidents.work')
  @ApiOperation({
    summary: 'Clear the change recorded as the cause of an incident',
    description: `The incident is open or resolved and records a change (409 otherwise). ${VERSIONED} Emits itsm.operation.incident.change-unlinked.v1.`,
  })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  clear(@Param('id') id: string, @Body() body: ExpectedVersionRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'unlink-caused-by-change', body, origin);
  }
}
