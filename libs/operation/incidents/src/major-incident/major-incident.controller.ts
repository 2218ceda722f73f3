import { isAllowed, policyNamed } from '@itsm/access';
import { ForbiddenError, NotFoundError, pageRequest, toPage } from '@itsm/contracts';
import {
  DecideMajorIncidentRequest,
  ListMajorIncidentsQuery,
  MajorIncidentPage,
  MajorIncidentView,
  PostMajorIncidentUpdateRequest,
  ProposeMajorIncidentRequest,
  ReviseMajorIncidentReviewRequest,
} from '@itsm/contracts/operation';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { MajorIncidentRepository } from '../persistence/major-incident.repository';
import { toMajorIncidentView } from './major-incident-events.mapper';
import { RunMajorIncident } from './run-major-incident.use-case';

/**
 * Operation's major-incident routes, called by the gateway: the steps decide who may in the domain
 * (`major-incident.ts`); reads check `major-incidents.read` here, as the gateway does.
 */
@Controller('v1')
export class MajorIncidentController {
  constructor(
    private readonly run: RunMajorIncident,
    private readonly majors: MajorIncidentRepository,
  ) {}

  @Post('incidents/:id/major-incident')
  @HttpCode(201)
  async propose(@Param('id') id: string, @Body() { reason }: ProposeMajorIncidentRequest, @Origin() { actor, correlationId }: RequestOrigin): Promise<MajorIncidentView> {
    return toMajorIncidentView(await this.run.propose(recordId(id, 'incident'), reason, actor, correlationId));
  }

  @Post('major-incidents/:id/decision')
  @HttpCode(200)
  async decide(@Param('id') id: string, @Body() { expectedVersion, decision, reason }: DecideMajorIncidentRequest, @Origin() { actor, correlationId }: RequestOrigin): Promise<MajorIncidentView> {
    return toMajorIncidentView(await this.run.decide(recordId(id, 'major incident'), expectedVersion, decision, reason, actor, correlationId));
  }

  @Post('major-incidents/:id/updates')
  @HttpCode(200)
  async post(@Param('id') id: string, @Body() { expectedVersion, audience, text }: PostMajorIncidentUpdateRequest, @Origin() { actor, correlationId }: RequestOrigin): Promise<MajorIncidentView> {
    return toMajorIncidentView(await this.run.post(recordId(id, 'major incident'), expectedVersion, audience, text, actor, correlationId));
  }

  @Put('major-incidents/:id/review')
  async review(@Param('id') id: string, @Body() { expectedVersion, causes, actions }: ReviseMajorIncidentReviewRequest, @Origin() { actor, correlationId }: RequestOrigin): Promise<MajorIncidentView> {
    return toMajorIncidentView(await this.run.reviseReview(recordId(id, 'major incident'), expectedVersion, causes, actions, actor, correlationId));
  }

  @Get('major-incidents/:id')
  async get(@Param('id') id: string, @Origin() { actor }: RequestOrigin): Promise<MajorIncidentView> {
    assertMayRead(actor);
    const found = await this.majors.findById(recordId(id, 'major incident'));
    if (!found) throw new NotFoundError('major incident', id);
    return toMajorIncidentView(found);
  }

  @Get('major-incidents')
  async list(@Query() query: ListMajorIncidentsQuery, @Origin() { actor }: RequestOrigin): Promise<MajorIncidentPage> {
    assertMayRead(actor);
    return toPage(await this.majors.list({ open: query.open, state: query.state }, pageRequest(query)), toMajorIncidentView);
  }
}

function assertMayRead(actor: RequestOrigin['actor']): void {
  const policy = policyNamed('major-incidents.read');
  if (!isAllowed(actor, policy)) throw new ForbiddenError(`reading major incidents requires one of the roles: ${policy.roles.join(', ')}`);
}
