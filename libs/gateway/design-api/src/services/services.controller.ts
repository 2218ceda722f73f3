import { ExpectedVersionRequest, Page } from '@itsm/contracts';
import { ListServicesQuery, ReviseServiceRequest, ServiceView } from '@itsm/contracts/design';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DESIGN_CLIENT } from '../design-client';

/**
 * Catalogue services: drafted when the portfolio charters them, completed (support group,
 * criticality, offerings, availability and capacity targets) and published by their owners.
 * The design service decides who sees and changes which service (ownership, drafts); this
 * controller checks the route's roles and forwards.
 */
@ApiTags('service catalogue')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller('api/v1/services')
export class ServicesController {
  constructor(@Inject(DESIGN_CLIENT) private readonly design: ServiceHttpClient) {}

  @Put(':id')
  @RequirePolicy('catalogue.manage')
  @ApiOperation({ summary: 'Revise a catalogue service', description: 'Creates the next version if `expectedVersion` is current (409 otherwise). Service owners change only the services they own (403 otherwise). Emits itsm.design.service.revised.v1.' })
  @ApiViewResponse(200, ServiceView)
  @ApiProblemResponses(409, 422, 502, 503)
  revise(@Param('id') id: string, @Body() body: ReviseServiceRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ServiceView> {
    return this.design.send<ServiceView>('PUT', `/v1/services/${encodeURIComponent(id)}`, body, origin);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePolicy('catalogue.manage')
  @ApiOperation({
    summary: 'Publish a draft service',
    description: 'Users can then see it and request its items. Needs a support group and a criticality (409 naming what is missing); service owners publish only their own services. Emits itsm.design.service.published.v1.',
  })
  @ApiViewResponse(200, ServiceView)
  @ApiProblemResponses(409, 422, 502, 503)
  publish(@Param('id') id: string, @Body() body: ExpectedVersionRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ServiceView> {
    return this.design.send<ServiceView>('POST', `/v1/services/${encodeURIComponent(id)}/publish`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('catalogue.read')
  @ApiOperation({ summary: 'Read a catalogue service', description: 'Callers who cannot manage the catalogue see published services only (404 otherwise).' })
  @ApiViewResponse(200, ServiceView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<ServiceView> {
    return this.design.get<ServiceView>(`/v1/services/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('catalogue.read')
  @ApiOperation({ summary: 'List catalogue services by name, one page at a time', description: 'Callers who cannot manage the catalogue see published services only; asking them for another state is 403.' })
  @ApiPageResponse(ServiceView)
  @ApiProblemResponses(400, 502, 503)
  list(@Query() query: ListServicesQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<ServiceView>> {
    return this.design.get<Page<ServiceView>>('/v1/services', origin, query);
  }
}
