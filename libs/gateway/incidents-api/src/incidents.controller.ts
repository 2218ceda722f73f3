import { IncidentAcceptedView, IncidentPage, IncidentView, ListIncidentsQuery } from '@itsm/contracts/operation';
import { Authorization, CurrentAuthorization, ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, correlationIdFrom } from '@itsm/service-runtime';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { IncidentIntakePublisher } from './incident-intake.publisher';
import { OperationQueryClient } from './operation-query.client';
import { ReportIncidentRequest } from './report-incident.request';

export const INCIDENTS_PATH = 'api/v1/incidents';

@ApiTags('incidents')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(INCIDENTS_PATH)
export class IncidentsController {
  constructor(
    private readonly intake: IncidentIntakePublisher,
    private readonly operation: OperationQueryClient,
  ) {}

  @Post()
  @RequirePolicy('incidents.report')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Report an incident',
    description:
      'Validates the report, assigns the incident id and queues it for intake. Priority is derived from impact x urgency. ' +
      'The incident is readable at the Location URL once intake has stored it (usually within milliseconds; 404 until then). ' +
      'A report that intake refuses after this 202 (it breaks a rule, holds a value that cannot be stored, or fails on every attempt) ' +
      'is answered 410 there, with the reason in `detail`, and announced as `itsm.operation.incident.rejected.v1`.',
  })
  @ApiViewResponse(202, IncidentAcceptedView, 'Accepted for intake; see the Location header')
  @ApiProblemResponses(503)
  async report(
    @Body() body: ReportIncidentRequest,
    @CurrentAuthorization() { principal }: Authorization,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IncidentAcceptedView> {
    const correlationId = correlationIdFrom(correlationHeader);
    const id = await this.intake.submit(body, principal, correlationId);
    void reply.header('location', `/${INCIDENTS_PATH}/${id}`).header('x-correlation-id', correlationId);
    return { id, status: 'accepted' };
  }

  @Get(':id')
  @RequirePolicy('incidents.read')
  @ApiOperation({
    summary: 'Read one incident',
    description:
      'Requesters read only incidents they reported; others get 404, so ids of other people\'s incidents are not disclosed (decided by the operation service in its read). ' +
      '404 also while an accepted report is not recorded yet; 410 once intake has refused it, with when and why in `detail`.',
  })
  @ApiViewResponse(200, IncidentView)
  @ApiProblemResponses(404, 410, 502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentView> {
    return this.operation.getIncident(id, origin);
  }

  @Get()
  @RequirePolicy('incidents.read')
  @ApiOperation({
    summary: 'List incidents, newest first or by next SLA due time, filtered by state, priority, caller, group, configuration item and SLA, with cursor pagination',
    description:
      'Requesters see only incidents they reported, whatever callerId says. `configurationItemId` names the item by its id or its external id (incidents carry its id). `cursor` is the `nextCursor` of the previous page (of the same `sort`). ' +
      '`sort=newest` (the default) lists newest first; `sort=slaNextDueAt` is the work queue, in three parts: first the overdue open work ' +
      '(a missed SLA, OLA or UC target, state new, in_progress or on_hold), most severe priority first, then oldest first; then incidents with a ' +
      'running SLA clock, soonest next warning or breach first (ties by id); then the rest (every clock paused or stopped, breached work already ' +
      'resolved, closed or cancelled, or no SLA), newest first. ' +
      'Both combine with every filter, e.g. `?assignmentGroupId=network&sort=slaNextDueAt` for a group\'s queue.',
  })
  @ApiPageResponse(IncidentView)
  @ApiProblemResponses(502, 503)
  list(@Query() query: ListIncidentsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<IncidentPage> {
    return this.operation.listIncidents(query, origin);
  }
}
