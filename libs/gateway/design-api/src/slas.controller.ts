import { DefineSlaRequest, ReviseSlaRequest, SlaView } from '@itsm/contracts';
import { Authorization, CurrentAuthorization, RequirePolicy } from '@itsm/gateway/auth';
import { ApiProblemResponses, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Headers, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DESIGN_URL, forwarded } from './design-forwarding';
import { SLA_LIST_SCHEMA, SLA_VIEW_SCHEMA } from './sla.openapi';

const SLAS_PATH = 'api/v1/slas';

/** Service levels (SLA, OLA, underpinning contracts): scope, targets on a business calendar, clock conditions, warnings. */
@ApiTags('service levels')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(SLAS_PATH)
export class SlasController {
  private readonly design: ServiceHttpClient;

  constructor(@Inject(DESIGN_URL) designUrl: string) {
    this.design = new ServiceHttpClient(designUrl, 'design');
  }

  @Post()
  @RequirePolicy('slas.manage')
  @ApiOperation({ summary: 'Define a service level', description: 'Emits itsm.design.sla.defined.v1 (version 1).' })
  @ApiBody({ schema: { $ref: '#/components/schemas/DefineSlaRequest' } })
  @ApiCreatedResponse({ schema: SLA_VIEW_SCHEMA })
  @ApiProblemResponses(400, 413, 422, 502, 503)
  async define(
    @Body() body: DefineSlaRequest,
    @CurrentAuthorization() { principal }: Authorization,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SlaView> {
    const sla = await this.design.send<SlaView>('POST', '/v1/slas', body, forwarded(principal.userId, correlationId));
    void reply.header('location', `/${SLAS_PATH}/${sla.id}`);
    return sla;
  }

  @Put(':id')
  @RequirePolicy('slas.manage')
  @ApiOperation({ summary: 'Revise a service level', description: 'Creates the next version if `expectedVersion` is current (409 otherwise); records keep the version they started with.' })
  @ApiBody({ schema: { $ref: '#/components/schemas/ReviseSlaRequest' } })
  @ApiOkResponse({ schema: SLA_VIEW_SCHEMA })
  @ApiProblemResponses(400, 404, 409, 413, 502, 503)
  revise(
    @Param('id') id: string,
    @Body() body: ReviseSlaRequest,
    @CurrentAuthorization() { principal }: Authorization,
    @Headers('x-correlation-id') correlationId: string | undefined,
  ): Promise<SlaView> {
    return this.design.send<SlaView>('PUT', `/v1/slas/${encodeURIComponent(id)}`, body, forwarded(principal.userId, correlationId));
  }

  @Get(':id')
  @RequirePolicy('slas.read')
  @ApiOperation({ summary: 'Read a service level' })
  @ApiOkResponse({ schema: SLA_VIEW_SCHEMA })
  @ApiProblemResponses(404, 502, 503)
  get(@Param('id') id: string): Promise<SlaView> {
    return this.design.get<SlaView>(`/v1/slas/${encodeURIComponent(id)}`);
  }

  @Get()
  @RequirePolicy('slas.read')
  @ApiOperation({ summary: 'List service levels by name' })
  @ApiOkResponse({ schema: SLA_LIST_SCHEMA })
  @ApiProblemResponses(502, 503)
  list(): Promise<{ items: SlaView[] }> {
    return this.design.get<{ items: SlaView[] }>('/v1/slas');
  }
}
