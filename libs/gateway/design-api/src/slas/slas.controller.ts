import { ByNamePageQuery, Page } from '@itsm/contracts';
import { DefineSlaRequest, ReviseSlaRequest, SlaView } from '@itsm/contracts/design';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DESIGN_CLIENT } from '../design-client';

const SLAS_PATH = 'api/v1/slas';

/** Service levels (SLA, OLA, underpinning contracts): scope, targets on a business calendar, clock conditions, warnings. */
@ApiTags('service levels')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(SLAS_PATH)
export class SlasController {
  constructor(@Inject(DESIGN_CLIENT) private readonly design: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('slas.manage')
  @ApiOperation({ summary: 'Define a service level', description: 'Emits itsm.design.sla.defined.v1 (version 1).' })
  @ApiViewResponse(201, SlaView)
  @ApiProblemResponses(422, 502, 503)
  async define(
    @Body() body: DefineSlaRequest,
    @ForwardedOrigin() origin: OriginHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SlaView> {
    const sla = await this.design.send<SlaView>('POST', '/v1/slas', body, origin);
    void reply.header('location', `/${SLAS_PATH}/${sla.id}`);
    return sla;
  }

  @Put(':id')
  @RequirePolicy('slas.manage')
  @ApiOperation({ summary: 'Revise a service level', description: 'Creates the next version if `expectedVersion` is current (409 otherwise); records keep the version they started with.' })
  @ApiViewResponse(200, SlaView)
  @ApiProblemResponses(409, 502, 503)
  revise(
    @Param('id') id: string,
    @Body() body: ReviseSlaRequest,
    @ForwardedOrigin() origin: OriginHeaders,
  ): Promise<SlaView> {
    return this.design.send<SlaView>('PUT', `/v1/slas/${encodeURIComponent(id)}`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('slas.read')
  @ApiOperation({ summary: 'Read a service level' })
  @ApiViewResponse(200, SlaView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<SlaView> {
    return this.design.get<SlaView>(`/v1/slas/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('slas.read')
  @ApiOperation({ summary: 'List service levels by name, one page at a time' })
  @ApiPageResponse(SlaView)
  @ApiProblemResponses(400, 502, 503)
  list(@Query() query: ByNamePageQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<SlaView>> {
    return this.design.get<Page<SlaView>>('/v1/slas', origin, query);
  }
}
