import { Page } from '@itsm/contracts';
import { ListPortfolioQuery, PortfolioDecisionRequest, PortfolioServiceView, ProposeServiceRequest } from '@itsm/contracts/strategy';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { STRATEGY_CLIENT } from '../strategy-client';

const PORTFOLIO_PATH = 'api/v1/portfolio/services';

/** The service portfolio: every service from proposal (pipeline) through the catalogue to retirement, with each approval. */
@ApiTags('portfolio')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(PORTFOLIO_PATH)
export class PortfolioController {
  constructor(@Inject(STRATEGY_CLIENT) private readonly strategy: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('portfolio.propose')
  @ApiOperation({ summary: 'Propose a service', description: 'The service enters the pipeline. Emits itsm.strategy.service.proposed.v1.' })
  @ApiViewResponse(201, PortfolioServiceView)
  @ApiProblemResponses(422, 502, 503)
  async propose(@Body() body: ProposeServiceRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<PortfolioServiceView> {
    const service = await this.strategy.send<PortfolioServiceView>('POST', '/v1/portfolio/services', body, origin);
    void reply.header('location', `/${PORTFOLIO_PATH}/${service.id}`);
    return service;
  }

  @Post(':id/charter')
  @HttpCode(200)
  @RequirePolicy('portfolio.decide')
  @ApiOperation({
    summary: 'Charter a pipeline service',
    description: 'Approves the proposal into the catalogue stage; the caller is recorded as approver with the reason. Emits itsm.strategy.service.chartered.v1, and design drafts the service in its catalogue. 409 unless the service is in the pipeline.',
  })
  @ApiViewResponse(200, PortfolioServiceView)
  @ApiProblemResponses(409, 422, 502, 503)
  charter(@Param('id') id: string, @Body() body: PortfolioDecisionRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<PortfolioServiceView> {
    return this.strategy.send<PortfolioServiceView>('POST', `/v1/portfolio/services/${encodeURIComponent(id)}/charter`, body, origin);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @RequirePolicy('portfolio.decide')
  @ApiOperation({
    summary: 'Retire a service (or abandon a proposal)',
    description: 'The caller is recorded as approver with the reason. Emits itsm.strategy.service.retired.v1, and design withdraws the service from its catalogue. 409 when already retired.',
  })
  @ApiViewResponse(200, PortfolioServiceView)
  @ApiProblemResponses(409, 422, 502, 503)
  retire(@Param('id') id: string, @Body() body: PortfolioDecisionRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<PortfolioServiceView> {
    return this.strategy.send<PortfolioServiceView>('POST', `/v1/portfolio/services/${encodeURIComponent(id)}/retire`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('portfolio.read')
  @ApiOperation({ summary: 'Read a portfolio service with its approval history' })
  @ApiViewResponse(200, PortfolioServiceView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<PortfolioServiceView> {
    return this.strategy.get<PortfolioServiceView>(`/v1/portfolio/services/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('portfolio.read')
  @ApiOperation({ summary: 'List the portfolio by name, optionally one stage, one page at a time' })
  @ApiPageResponse(PortfolioServiceView)
  @ApiProblemResponses(400, 502, 503)
  list(@Query() query: ListPortfolioQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<PortfolioServiceView>> {
    return this.strategy.get<Page<PortfolioServiceView>>('/v1/portfolio/services', origin, query);
  }
}
