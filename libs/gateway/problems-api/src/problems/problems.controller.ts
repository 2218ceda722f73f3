import { ExpectedVersionRequest, Page } from '@itsm/contracts';
import { ApplyProblemFixRequest, CancelProblemRequest, ListProblemsQuery, ProblemIncidentLinkRequest, ProblemView, RecordRootCauseRequest, ReportProblemRequest, ReviseProblemRequest } from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { OPERATION_CLIENT } from '../operation-client';

const PROBLEMS_PATH = 'api/v1/problems';
const VERSIONED = "Written only if `expectedVersion` is still the problem's version (409 otherwise); answers the problem at its new version.";

/**
 * Problems: report, investigate, record the root cause, apply the fix, close or cancel, link and unlink
 * incidents. Checks each route's roles and forwards; the operation service decides which states a command
 * leaves (409 otherwise).
 */
@ApiTags('problems')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(PROBLEMS_PATH)
export class ProblemsController {
  constructor(@Inject(OPERATION_CLIENT) private readonly operation: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('problems.report')
  @ApiOperation({ summary: 'Report a problem', description: 'New, numbered PRB…, its priority derived from impact and urgency. Emits itsm.operation.problem.created.v1.' })
  @ApiViewResponse(201, ProblemView)
  @ApiProblemResponses(502, 503)
  async report(@Body() body: ReportProblemRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProblemView> {
    const problem = await this.operation.send<ProblemView>('POST', '/v1/problems', body, origin);
    void reply.header('location', `/${PROBLEMS_PATH}/${problem.id}`);
    return problem;
  }

  @Put(':id')
  @RequirePolicy('problems.manage')
  @ApiOperation({
    summary: "Revise an open problem's title, description, service, configuration items, impact and urgency",
    description: `The whole set of the report's fields (those left out are removed); the priority is derived again. ${VERSIONED} Emits itsm.operation.problem.revised.v1.`,
  })
  @ApiViewResponse(200, ProblemView)
  @ApiProblemResponses(409, 502, 503)
  revise(@Param('id') id: string, @Body() body: ReviseProblemRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ProblemView> {
    return this.operation.send<ProblemView>('PUT', `/v1/problems/${encodeURIComponent(id)}`, body, origin);
  }

  @Post(':id/investigation')
  @HttpCode(200)
  @RequirePolicy('problems.manage')
  @ApiOperation({ summary: 'Start the investigation (New → Under investigation)', description: `${VERSIONED} Emits itsm.operation.problem.state-changed.v1.` })
  @ApiViewResponse(200, ProblemView)
  @ApiProblemResponses(409, 502, 503)
  investigate(@Param('id') id: string, @Body() body: ExpectedVersionRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ProblemView> {
    return this.change(id, 'investigation', body, origin);
  }

  @Post(':id/root-cause')
  @HttpCode(200)
  @RequirePolicy('problems.manage')
  @ApiOperation({
    summary: 'Record the root-cause analysis (Under investigation → Root cause known, or revise it)',
    description: `Method, root cause, contributing factors. ${VERSIONED} Emits itsm.operation.problem.root-cause-recorded.v1.`,
  })
  @ApiViewResponse(200, ProblemView)
  @ApiProblemResponses(409, 502, 503)
  recordRootCause(@Param('id') id: string, @Body() body: RecordRootCauseRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ProblemView> {
    return this.change(id, 'root-cause', body, origin);
  }

  @Post(':id/fix')
  @HttpCode(200)
  @RequirePolicy('problems.manage')
  @ApiOperation({
    summary: 'Apply the fix (Root cause known → Resolved)',
    description:
      `${VERSIONED} Emits itsm.operation.problem.resolved.v1; then, when the problem says \`resolveLinkedIncidents\`, operation resolves each open linked incident ` +
      '(solved permanently, a note naming the problem), otherwise puts a work note on each (and resumes those On Hold awaiting the problem).',
  })
  @ApiViewResponse(200, ProblemView)
  @ApiProblemResponses(409, 502, 503)
  applyFix(@Param('id') id: string, @Body() body: ApplyProblemFixRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ProblemView> {
    return this.change(id, 'fix', body, origin);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePolicy('problems.manage')
  @ApiOperation({ summary: 'Close a resolved problem (Resolved → Closed)', description: `${VERSIONED} Emits itsm.operation.problem.state-changed.v1.` })
  @ApiViewResponse(200, ProblemView)
  @ApiProblemResponses(409, 502, 503)
  close(@Param('id') id: string, @Body() body: ExpectedVersionRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ProblemView> {
    return this.change(id, 'close', body, origin);
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @RequirePolicy('problems.manage')
  @ApiOperation({ summary: 'Cancel an open problem, with a reason', description: `${VERSIONED} Emits itsm.operation.problem.state-changed.v1.` })
  @ApiViewResponse(200, ProblemView)
  @ApiProblemResponses(409, 502, 503)
  cancel(@Param('id') id: string, @Body() body: CancelProblemRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ProblemView> {
    return this.change(id, 'cancellation', body, origin);
  }

  @Post(':id/incident-links')
  @HttpCode(200)
  @RequirePolicy('problems.link')
  @ApiOperation({
    summary: 'Link an incident to an open problem',
    description:
      'Without `expectedVersion` the link is made on the current version. 400 naming `incidentId` when there is no such incident, 409 when it is linked (to this or another problem). ' +
      "Emits itsm.operation.problem.incident-linked.v1; operation then links the incident (its view shows the problem) and puts the problem's published workarounds on its timeline.",
  })
  @ApiViewResponse(200, ProblemView)
  @ApiProblemResponses(409, 502, 503)
  link(@Param('id') id: string, @Body() body: ProblemIncidentLinkRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ProblemView> {
    return this.change(id, 'incident-links', body, origin);
  }

  @Post(':id/incident-unlinks')
  @HttpCode(200)
  @RequirePolicy('problems.link')
  @ApiOperation({ summary: 'Unlink an incident from an open problem', description: 'As a link (409 when it is not linked). Emits itsm.operation.problem.incident-unlinked.v1.' })
  @ApiViewResponse(200, ProblemView)
  @ApiProblemResponses(409, 502, 503)
  unlink(@Param('id') id: string, @Body() body: ProblemIncidentLinkRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ProblemView> {
    return this.change(id, 'incident-unlinks', body, origin);
  }

  @Get(':id')
  @RequirePolicy('problems.read')
  @ApiOperation({ summary: 'Read a problem' })
  @ApiViewResponse(200, ProblemView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<ProblemView> {
    return this.operation.get<ProblemView>(`/v1/problems/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('problems.read')
  @ApiOperation({ summary: 'List problems, newest first', description: 'Filtered by state, priority, service and configuration item; stays fast however many are stored (read by time buckets).' })
  @ApiPageResponse(ProblemView)
  @ApiProblemResponses(502, 503)
  list(@Query() query: ListProblemsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<ProblemView>> {
    return this.operation.get<Page<ProblemView>>('/v1/problems', origin, query);
  }

  private change(id: string, command: string, body: object, origin: OriginHeaders): Promise<ProblemView> {
    return this.operation.send<ProblemView>('POST', `/v1/problems/${encodeURIComponent(id)}/${command}`, body, origin);
  }
}
