import { Page } from '@itsm/contracts';
import {
  AssessChangeRequest,
  CancelRequest,
  ChangeCommandRequest,
  ChangeConflictsView,
  ChangeView,
  CloseChangeRequest,
  CompleteImplementationRequest,
  ListChangesQuery,
  RaiseChangeRequest,
  ReplanChangeRequest,
  ReviewChangeRequest,
  ScheduleChangeRequest,
  VoteOnChangeRequest,
} from '@itsm/contracts/transition';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { TRANSITION_CLIENT } from '../transition-client';

const CHANGES_PATH = 'api/v1/changes';

/**
 * Change enablement: change requests (standard from templates, normal, emergency) through their state
 * models, with risk, approval by the group's manager, the CAB or the ECAB, conflict detection before
 * scheduling, implementation, review and closure. Every command answers the change as written; its
 * record-level rules (the change's own approvers, a resolver's groups, overrides) are the transition service's.
 */
@ApiTags('changes')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(CHANGES_PATH)
export class ChangesController {
  constructor(@Inject(TRANSITION_CLIENT) private readonly transition: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('changes.request')
  @ApiOperation({
    summary: 'Raise a change request',
    description:
      'A change in New, the caller its requester, numbered CHG…; a standard change names an active template (400 naming templateId otherwise), which supplies plans and items not given. Emits itsm.transition.change.raised.v1.',
  })
  @ApiViewResponse(201, ChangeView)
  @ApiProblemResponses(502, 503)
  async raise(@Body() body: RaiseChangeRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<ChangeView> {
    const change = await this.transition.send<ChangeView>('POST', '/v1/changes', body, origin);
    void reply.header('location', `/${CHANGES_PATH}/${change.id}`);
    return change;
  }

  @Post(':id/submission')
  @HttpCode(200)
  @RequirePolicy('changes.request')
  @ApiOperation({ summary: 'Submit a change', description: 'A normal change to Assess; an emergency change to Authorize, routed to the emergency CAB. Emits submitted (and approval-requested).' })
  @ApiViewResponse(200, ChangeView)
  @ApiProblemResponses(404, 409, 502, 503)
  submit(@Param('id') id: string, @Body() body: ChangeCommandRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeView> {
    return this.command(id, 'submission', body, origin);
  }

  @Post(':id/assessment')
  @HttpCode(200)
  @RequirePolicy('changes.manage')
  @ApiOperation({
    summary: 'Assess a normal change\'s risk',
    description:
      'Risk from the questionnaire and the CMDB criticality of the affected items; to Authorize, routed to the change group\'s manager (low) or the CAB (moderate, high). Emits assessed and approval-requested.',
  })
  @ApiViewResponse(200, ChangeView)
  @ApiProblemResponses(404, 409, 502, 503)
  assess(@Param('id') id: string, @Body() body: AssessChangeRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeView> {
    return this.command(id, 'assessment', body, origin);
  }

  @Post(':id/votes')
  @HttpCode(200)
  @RequirePolicy('changes.approve')
  @ApiOperation({
    summary: 'Approve or reject a change, with a comment',
    description: 'Only the change\'s approvers (403 otherwise), once each; the board\'s rule (all, any, quorum) decides. Emits voted, then approved or rejected (back to New) when decided.',
  })
  @ApiViewResponse(200, ChangeView)
  @ApiProblemResponses(404, 409, 502, 503)
  vote(@Param('id') id: string, @Body() body: VoteOnChangeRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeView> {
    return this.command(id, 'votes', body, origin);
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @RequirePolicy('changes.request')
  @ApiOperation({
    summary: 'Schedule a change',
    description:
      'A standard change from New (its requester may), an approved one from Authorize (change managers). Conflicts of the planned window (same item, CMDB parents and children, maintenance windows, freezes) answer 409 with each reason unless a change manager gives a justification, recorded as an override. Emits scheduled (and conflicts-overridden).',
  })
  @ApiViewResponse(200, ChangeView)
  @ApiProblemResponses(404, 409, 502, 503)
  schedule(@Param('id') id: string, @Body() body: ScheduleChangeRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeView> {
    return this.command(id, 'schedule', body, origin);
  }

  @Put(':id/plan')
  @HttpCode(200)
  @RequirePolicy('changes.request')
  @ApiOperation({
    summary: 'Replan a change: window, items, plans',
    description: 'In New by its requesters, later by change managers; conflicts are found again, and a scheduled change\'s new ones need a justified override. Emits replanned.',
  })
  @ApiViewResponse(200, ChangeView)
  @ApiProblemResponses(404, 409, 502, 503)
  replan(@Param('id') id: string, @Body() body: ReplanChangeRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeView> {
    return this.transition.send<ChangeView>('PUT', `/v1/changes/${encodeURIComponent(id)}/plan`, body, origin);
  }

  @Post(':id/implementation')
  @HttpCode(200)
  @RequirePolicy('changes.implement')
  @ApiOperation({ summary: 'Start implementing a scheduled change', description: 'Resolvers: their groups\' changes only (403). Emits implementation-started.' })
  @ApiViewResponse(200, ChangeView)
  @ApiProblemResponses(404, 409, 502, 503)
  startImplementation(@Param('id') id: string, @Body() body: ChangeCommandRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeView> {
    return this.command(id, 'implementation', body, origin);
  }

  @Post(':id/implementation/completion')
  @HttpCode(200)
  @RequirePolicy('changes.implement')
  @ApiOperation({ summary: 'Complete the implementation', description: 'To Review, with notes. Emits implementation-completed.' })
  @ApiViewResponse(200, ChangeView)
  @ApiProblemResponses(404, 409, 502, 503)
  completeImplementation(@Param('id') id: string, @Body() body: CompleteImplementationRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeView> {
    return this.command(id, 'implementation/completion', body, origin);
  }

  @Post(':id/review')
  @HttpCode(200)
  @RequirePolicy('changes.manage')
  @ApiOperation({ summary: 'Record the post-implementation review', description: 'In Review. Emits reviewed.' })
  @ApiViewResponse(200, ChangeView)
  @ApiProblemResponses(404, 409, 502, 503)
  review(@Param('id') id: string, @Body() body: ReviewChangeRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeView> {
    return this.command(id, 'review', body, origin);
  }

  @Post(':id/closure')
  @HttpCode(200)
  @RequirePolicy('changes.manage')
  @ApiOperation({
    summary: 'Close a change with a closure code',
    description: 'successful, successful_with_issues, failed or backed_out; needs the review (400 naming review) unless a standard change succeeded. Emits closed.',
  })
  @ApiViewResponse(200, ChangeView)
  @ApiProblemResponses(404, 409, 502, 503)
  close(@Param('id') id: string, @Body() body: CloseChangeRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeView> {
    return this.command(id, 'closure', body, origin);
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @RequirePolicy('changes.manage')
  @ApiOperation({ summary: 'Cancel a change', description: 'From any state up to Implement (409 from Review, Closed, Cancelled), with a reason. Emits cancelled.' })
  @ApiViewResponse(200, ChangeView)
  @ApiProblemResponses(404, 409, 502, 503)
  cancel(@Param('id') id: string, @Body() body: CancelRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeView> {
    return this.command(id, 'cancellation', body, origin);
  }

  @Get(':id/conflicts')
  @RequirePolicy('changes.read')
  @ApiOperation({ summary: 'The conflicts of a change\'s planned window now', description: 'What scheduling it would meet, each with its reason and the other party (a change, maintenance windows, a freeze).' })
  @ApiViewResponse(200, ChangeConflictsView)
  @ApiProblemResponses(404, 502, 503)
  conflicts(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeConflictsView> {
    return this.transition.get<ChangeConflictsView>(`/v1/changes/${encodeURIComponent(id)}/conflicts`, origin);
  }

  @Get(':id')
  @RequirePolicy('changes.read')
  @ApiOperation({ summary: 'Read a change' })
  @ApiViewResponse(200, ChangeView)
  @ApiProblemResponses(404, 502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeView> {
    return this.transition.get<ChangeView>(`/v1/changes/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('changes.read')
  @ApiOperation({ summary: 'List changes, newest first, optionally by state, type or item, one page at a time' })
  @ApiPageResponse(ChangeView)
  @ApiProblemResponses(400, 502, 503)
  list(@Query() query: ListChangesQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<ChangeView>> {
    return this.transition.get<Page<ChangeView>>('/v1/changes', origin, query);
  }

  private command(id: string, command: string, body: object, origin: OriginHeaders): Promise<ChangeView> {
    return this.transition.send<ChangeView>('POST', `/v1/changes/${encodeURIComponent(id)}/${command}`, body, origin);
  }
}
