import { Page } from '@itsm/contracts';
import { AdvanceReleaseRequest, BundleChangeRequest, CancelRequest, ListReleasesQuery, PlanReleaseRequest, RecordDeploymentRequest, ReleaseView } from '@itsm/contracts/transition';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { TRANSITION_CLIENT } from '../transition-client';

const RELEASES_PATH = 'api/v1/releases';

/** Releases: bundles of changes through planning, build, test, deployment and review, with every deployment recorded. */
@ApiTags('releases')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(RELEASES_PATH)
export class ReleasesController {
  constructor(@Inject(TRANSITION_CLIENT) private readonly transition: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('releases.manage')
  @ApiOperation({ summary: 'Plan a release', description: 'In planning, bundling existing changes (400 naming changeIds otherwise). Emits itsm.transition.release.planned.v1.' })
  @ApiViewResponse(201, ReleaseView)
  @ApiProblemResponses(502, 503)
  async plan(@Body() body: PlanReleaseRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReleaseView> {
    const release = await this.transition.send<ReleaseView>('POST', '/v1/releases', body, origin);
    void reply.header('location', `/${RELEASES_PATH}/${release.id}`);
    return release;
  }

  @Post(':id/changes')
  @HttpCode(200)
  @RequirePolicy('releases.manage')
  @ApiOperation({ summary: 'Bundle one more change into a release', description: 'While planning or building. Emits itsm.transition.release.changed.v1.' })
  @ApiViewResponse(200, ReleaseView)
  @ApiProblemResponses(404, 409, 502, 503)
  bundle(@Param('id') id: string, @Body() body: BundleChangeRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ReleaseView> {
    return this.transition.send<ReleaseView>('POST', `/v1/releases/${encodeURIComponent(id)}/changes`, body, origin);
  }

  @Post(':id/changes/removal')
  @HttpCode(200)
  @RequirePolicy('releases.manage')
  @ApiOperation({ summary: 'Take a change out of a release', description: 'While planning or building. Emits itsm.transition.release.changed.v1.' })
  @ApiViewResponse(200, ReleaseView)
  @ApiProblemResponses(404, 409, 502, 503)
  unbundle(@Param('id') id: string, @Body() body: BundleChangeRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ReleaseView> {
    return this.transition.send<ReleaseView>('POST', `/v1/releases/${encodeURIComponent(id)}/changes/removal`, body, origin);
  }

  @Post(':id/advance')
  @HttpCode(200)
  @RequirePolicy('releases.manage')
  @ApiOperation({
    summary: 'Move a release to its next stage',
    description: 'planning → build (needs a change) → test → deployment → review (needs a successful deployment) → closed (needs the review summary). Emits itsm.transition.release.stage-changed.v1.',
  })
  @ApiViewResponse(200, ReleaseView)
  @ApiProblemResponses(404, 409, 502, 503)
  advance(@Param('id') id: string, @Body() body: AdvanceReleaseRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ReleaseView> {
    return this.transition.send<ReleaseView>('POST', `/v1/releases/${encodeURIComponent(id)}/advance`, body, origin);
  }

  @Post(':id/deployments')
  @HttpCode(200)
  @RequirePolicy('releases.deploy')
  @ApiOperation({ summary: 'Record a deployment of a release', description: 'During the deployment stage: environment and outcome (succeeded, failed, rolled_back). Emits itsm.transition.release.deployed.v1.' })
  @ApiViewResponse(200, ReleaseView)
  @ApiProblemResponses(404, 409, 502, 503)
  recordDeployment(@Param('id') id: string, @Body() body: RecordDeploymentRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ReleaseView> {
    return this.transition.send<ReleaseView>('POST', `/v1/releases/${encodeURIComponent(id)}/deployments`, body, origin);
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @RequirePolicy('releases.manage')
  @ApiOperation({ summary: 'Cancel a release', description: 'Before review, with a reason. Emits itsm.transition.release.stage-changed.v1.' })
  @ApiViewResponse(200, ReleaseView)
  @ApiProblemResponses(404, 409, 502, 503)
  cancel(@Param('id') id: string, @Body() body: CancelRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ReleaseView> {
    return this.transition.send<ReleaseView>('POST', `/v1/releases/${encodeURIComponent(id)}/cancellation`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('releases.read')
  @ApiOperation({ summary: 'Read a release with its changes and deployments' })
  @ApiViewResponse(200, ReleaseView)
  @ApiProblemResponses(404, 502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<ReleaseView> {
    return this.transition.get<ReleaseView>(`/v1/releases/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('releases.read')
  @ApiOperation({ summary: 'List releases, newest first, optionally by stage, one page at a time' })
  @ApiPageResponse(ReleaseView)
  @ApiProblemResponses(400, 502, 503)
  list(@Query() query: ListReleasesQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<ReleaseView>> {
    return this.transition.get<Page<ReleaseView>>('/v1/releases', origin, query);
  }
}
