import { ExpectedVersionRequest } from '@itsm/contracts';
import { IncidentView, LinkParentIncidentRequest } from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiProblemResponses, ApiViewResponse, OriginHeaders } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { INCIDENTS_PATH } from './incidents.controller';
import { OperationQueryClient } from './operation-query.client';

/**
 * Parent and child incidents: link an incident under a parent (one level deep; resolving or closing the
 * parent resolves its open children) and unlink it. Checks each route's roles and forwards; the operation
 * service decides on the records (the domain's `parentLinkProblem`).
 */
@ApiTags('incidents')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(INCIDENTS_PATH)
export class IncidentParentController {
  constructor(private readonly operation: OperationQueryClient) {}

  @Post(':id/parent')
  @HttpCode(200)
  @RequirePolicy('incidents.work')
  @ApiOperation({
    summary: 'Make an incident a child of a parent incident',
    description:
      'Both open; one level deep (the parent has no parent, the child no children, not itself: 400 naming `parentId`); a child of another parent moves. Resolving or closing the parent resolves its open children with its code. Written only if `expectedVersion` is still the child\'s version (409 otherwise); answers the child at its new version. Emits itsm.operation.incident.parent-linked.v1 (the child) and child-linked.v1 (the parent).',
  })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  link(@Param('id') id: string, @Body() body: LinkParentIncidentRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'parent', body, origin);
  }

  @Post(':id/unlink-parent')
  @HttpCode(200)
  @RequirePolicy('incidents.work')
  @ApiOperation({
    summary: 'Unlink an incident from its parent incident',
    description:
      'Written only if `expectedVersion` is still the child\'s version (409 otherwise, and when it has no parent); answers it at its new version. Emits itsm.operation.incident.parent-unlinked.v1 (the child) and child-unlinked.v1 (the parent).',
  })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(409, 422, 502, 503)
  unlink(@Param('id') id: string, @Body() body: ExpectedVersionRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.changeIncident(id, 'unlink-parent', body, origin);
  }
}
