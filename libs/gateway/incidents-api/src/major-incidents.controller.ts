import {
  DecideMajorIncidentRequest,
  ListMajorIncidentsQuery,
  MajorIncidentPage,
  MajorIncidentView,
  PostMajorIncidentUpdateRequest,
  ProposeMajorIncidentRequest,
  ReviseMajorIncidentReviewRequest,
} from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { INCIDENTS_PATH } from './incidents.controller';
import { OperationQueryClient } from './operation-query.client';

export const MAJOR_INCIDENTS_PATH = 'api/v1/major-incidents';

/**
 * Major incidents: whoever works incidents proposes a candidate; the major incident manager promotes or
 * rejects it, posts its internal and stakeholder updates, and edits its post-incident review (opened when
 * the incident is resolved). Checks each route's roles and forwards; the operation service decides on the record.
 */
@ApiTags('major-incidents')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller()
export class MajorIncidentsController {
  constructor(private readonly operation: OperationQueryClient) {}

  @Post(`${INCIDENTS_PATH}/:id/major-incident`)
  @HttpCode(201)
  @RequirePolicy('major-incidents.propose')
  @ApiOperation({
    summary: 'Propose an open incident as a major incident candidate, with a reason',
    description: 'One proposal per incident (409 for a second one, or for an incident not open). The major incident manager decides at /api/v1/major-incidents/:id/decision. Emits itsm.operation.major-incident.proposed.v1.',
  })
  @ApiViewResponse(201, MajorIncidentView)
  @ApiProblemResponses(409, 502, 503)
  propose(@Param('id') id: string, @Body() body: ProposeMajorIncidentRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<MajorIncidentView> {
    return this.operation.proposeMajorIncident(id, body, origin);
  }

  @Post(`${MAJOR_INCIDENTS_PATH}/:id/decision`)
  @HttpCode(200)
  @RequirePolicy('major-incidents.manage')
  @ApiOperation({
    summary: 'Promote or reject a major incident candidate, with a reason',
    description: 'A promoted one is open (listed with `open=true`) until its incident is resolved. Written only if `expectedVersion` is still current (409 otherwise, and for a candidate decided already). Emits itsm.operation.major-incident.decided.v1.',
  })
  @ApiViewResponse(200, MajorIncidentView)
  @ApiProblemResponses(409, 502, 503)
  decide(@Param('id') id: string, @Body() body: DecideMajorIncidentRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<MajorIncidentView> {
    return this.operation.changeMajorIncident('POST', id, 'decision', body, origin);
  }

  @Post(`${MAJOR_INCIDENTS_PATH}/:id/updates`)
  @HttpCode(200)
  @RequirePolicy('major-incidents.manage')
  @ApiOperation({
    summary: 'Post an internal or stakeholder update to an open major incident\'s communication log',
    description: 'Appended: without `expectedVersion` it lands on the current version. 409 when the major incident is not open. Emits itsm.operation.major-incident.update-posted.v1 for other systems to relay.',
  })
  @ApiViewResponse(200, MajorIncidentView)
  @ApiProblemResponses(409, 502, 503)
  post(@Param('id') id: string, @Body() body: PostMajorIncidentUpdateRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<MajorIncidentView> {
    return this.operation.changeMajorIncident('POST', id, 'updates', body, origin);
  }

  @Put(`${MAJOR_INCIDENTS_PATH}/:id/review`)
  @RequirePolicy('major-incidents.manage')
  @ApiOperation({
    summary: "Revise a post-incident review's causes and actions (owners, due dates)",
    description: 'The review opens when the incident is resolved (409 before). Replaces causes and actions whole; written only if `expectedVersion` is still current. Emits itsm.operation.major-incident.review-revised.v1.',
  })
  @ApiViewResponse(200, MajorIncidentView)
  @ApiProblemResponses(409, 502, 503)
  review(@Param('id') id: string, @Body() body: ReviseMajorIncidentReviewRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<MajorIncidentView> {
    return this.operation.changeMajorIncident('PUT', id, 'review', body, origin);
  }

  @Get(`${MAJOR_INCIDENTS_PATH}/:id`)
  @RequirePolicy('major-incidents.read')
  @ApiOperation({ summary: 'Read one major incident: its state, communication log and review' })
  @ApiViewResponse(200, MajorIncidentView)
  @ApiProblemResponses(404, 502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<MajorIncidentView> {
    return this.operation.getMajorIncident(id, origin);
  }

  @Get(MAJOR_INCIDENTS_PATH)
  @RequirePolicy('major-incidents.read')
  @ApiOperation({
    summary: 'List major incidents, newest first; `open=true` for the open ones with their latest update',
    description: '`open` and `state` are equalities on stored fields (fast on FerretDB too). Each item carries `latestUpdate`.',
  })
  @ApiPageResponse(MajorIncidentView)
  @ApiProblemResponses(502, 503)
  list(@Query() query: ListMajorIncidentsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<MajorIncidentPage> {
    return this.operation.listMajorIncidents(query, origin);
  }
}
