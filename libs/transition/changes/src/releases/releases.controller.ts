import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { AdvanceReleaseRequest, BundleChangeRequest, CancelRequest, ListReleasesQuery, PlanReleaseRequest, RecordDeploymentRequest, ReleaseView } from '@itsm/contracts/transition';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { withIsoDates } from '../json-dates.mapper';
import { ReleaseRepository, StoredRelease } from '../persistence/release.repository';
import { ManageRelease } from './manage-release.use-case';

/** The transition service's releases, called by the gateway. */
@Controller('v1/releases')
export class ReleasesController {
  constructor(
    private readonly releases: ManageRelease,
    private readonly stored: ReleaseRepository,
  ) {}

  @Post()
  @HttpCode(201)
  async plan(@Body() request: PlanReleaseRequest, @Origin() origin: RequestOrigin): Promise<ReleaseView> {
    return releaseView(await this.releases.plan(request, origin));
  }

  @Post(':id/changes')
  @HttpCode(200)
  async bundle(@Param('id') id: string, @Body() request: BundleChangeRequest, @Origin() origin: RequestOrigin): Promise<ReleaseView> {
    return releaseView(await this.releases.command(recordId(id, 'release'), { kind: 'bundle', changeId: request.changeId }, request.expectedVersion, origin));
  }

  @Post(':id/changes/removal')
  @HttpCode(200)
  async unbundle(@Param('id') id: string, @Body() request: BundleChangeRequest, @Origin() origin: RequestOrigin): Promise<ReleaseView> {
    return releaseView(await this.releases.command(recordId(id, 'release'), { kind: 'unbundle', changeId: request.changeId }, request.expectedVersion, origin));
  }

  @Post(':id/advance')
  @HttpCode(200)
  async advance(@Param('id') id: string, @Body() request: AdvanceReleaseRequest, @Origin() origin: RequestOrigin): Promise<ReleaseView> {
    const command = { kind: 'advance' as const, ...(request.summary === undefined ? {} : { summary: request.summary }) };
    return releaseView(await this.releases.command(recordId(id, 'release'), command, request.expectedVersion, origin));
  }

  @Post(':id/deployments')
  @HttpCode(200)
  async recordDeployment(@Param('id') id: string, @Body() request: RecordDeploymentRequest, @Origin() origin: RequestOrigin): Promise<ReleaseView> {
    const { environment, outcome, notes } = request;
    const command = { kind: 'record-deployment' as const, environment, outcome, ...(notes === undefined ? {} : { notes }) };
    return releaseView(await this.releases.command(recordId(id, 'release'), command, request.expectedVersion, origin));
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  async cancel(@Param('id') id: string, @Body() request: CancelRequest, @Origin() origin: RequestOrigin): Promise<ReleaseView> {
    return releaseView(await this.releases.command(recordId(id, 'release'), { kind: 'cancel', reason: request.reason }, request.expectedVersion, origin));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ReleaseView> {
    const record = await this.stored.findById(recordId(id, 'release'));
    if (!record) throw new NotFoundError('release', id);
    return releaseView(record);
  }

  @Get()
  async list(@Query() query: ListReleasesQuery): Promise<Page<ReleaseView>> {
    return toPage(await this.stored.newestFirst(query.stage, pageRequest(query)), releaseView);
  }
}

function releaseView(record: StoredRelease): ReleaseView {
  return withIsoDates(toVersionedView(record)) as unknown as ReleaseView;
}

