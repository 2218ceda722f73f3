import { Page } from '@itsm/contracts';
import { AssessDemandRequest, DecideDemandRequest, DemandView, ListDemandsQuery, RecordDemandRequest } from '@itsm/contracts/strategy';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { STRATEGY_CLIENT } from '../strategy-client';

const DEMANDS_PATH = 'api/v1/demands';

/** Demand management: what the business asks for, its assessment, and the decision, linked to the portfolio services that serve it. */
@ApiTags('demand')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(DEMANDS_PATH)
export class DemandsController {
  constructor(@Inject(STRATEGY_CLIENT) private readonly strategy: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('demand.submit')
  @ApiOperation({
    summary: 'Record a demand',
    description: 'A business unit\'s requested capability and expected volume, linked to existing portfolio services (400 naming serviceIds otherwise). Emits itsm.strategy.demand.recorded.v1.',
  })
  @ApiViewResponse(201, DemandView)
  @ApiProblemResponses(422, 502, 503)
  async record(@Body() body: RecordDemandRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<DemandView> {
    const demand = await this.strategy.send<DemandView>('POST', '/v1/demands', body, origin);
    void reply.header('location', `/${DEMANDS_PATH}/${demand.id}`);
    return demand;
  }

  @Post(':id/assessment')
  @HttpCode(200)
  @RequirePolicy('demand.decide')
  @ApiOperation({
    summary: 'Assess a demand',
    description:
      'Records business value, estimated cost, capacity impact and a recommendation, with the caller as assessor; may re-link the demand to other portfolio services. A re-assessment before the decision replaces the assessment. Emits itsm.strategy.demand.assessed.v1. 409 once the demand is decided.',
  })
  @ApiViewResponse(200, DemandView)
  @ApiProblemResponses(409, 422, 502, 503)
  assess(@Param('id') id: string, @Body() body: AssessDemandRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<DemandView> {
    return this.strategy.send<DemandView>('POST', `/v1/demands/${encodeURIComponent(id)}/assessment`, body, origin);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @RequirePolicy('demand.decide')
  @ApiOperation({
    summary: 'Approve or reject an assessed demand',
    description: 'The caller is recorded as decider with the reason; the decision is final. Emits itsm.strategy.demand.decided.v1. 409 unless the demand is assessed.',
  })
  @ApiViewResponse(200, DemandView)
  @ApiProblemResponses(409, 422, 502, 503)
  decide(@Param('id') id: string, @Body() body: DecideDemandRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<DemandView> {
    return this.strategy.send<DemandView>('POST', `/v1/demands/${encodeURIComponent(id)}/decision`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('demand.read')
  @ApiOperation({ summary: 'Read a demand with its assessment and decision' })
  @ApiViewResponse(200, DemandView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<DemandView> {
    return this.strategy.get<DemandView>(`/v1/demands/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('demand.read')
  @ApiOperation({ summary: 'List demands, newest first, optionally by state, business unit or linked service, one page at a time' })
  @ApiPageResponse(DemandView)
  @ApiProblemResponses(400, 502, 503)
  list(@Query() query: ListDemandsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<DemandView>> {
    return this.strategy.get<Page<DemandView>>('/v1/demands', origin, query);
  }
}
