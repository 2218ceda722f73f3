import { ExpectedVersionRequest, NotFoundError } from '@itsm/contracts';
import { ListServicesQuery, ReviseServiceRequest, ServiceView } from '@itsm/contracts/design';
import { Authorization, CurrentAuthorization, ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiProblemResponses, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertManagesService, seesWholeCatalogue } from '../catalogue-visibility';
import { DESIGN_CLIENT } from '../design-client';
import { SERVICE_LIST_SCHEMA, SERVICE_VIEW_SCHEMA } from './service.openapi';

/**
 * Catalogue services: drafted when the portfolio charters them, completed (support group,
 * criticality, offerings, availability and capacity targets) and published by their owners.
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
  @ApiBody({ schema: { $ref: '#/components/schemas/ReviseServiceRequest' } })
  @ApiOkResponse({ schema: SERVICE_VIEW_SCHEMA })
  @ApiProblemResponses(400, 404, 409, 413, 422, 502, 503)
  async revise(
    @Param('id') id: string,
    @Body() body: ReviseServiceRequest,
    @CurrentAuthorization() { principal }: Authorization,
    @ForwardedOrigin() origin: OriginHeaders,
  ): Promise<ServiceView> {
    await assertManagesService(this.design, principal, origin, id);
    return this.design.send<ServiceView>('PUT', `/v1/services/${encodeURIComponent(id)}`, body, origin);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePolicy('catalogue.manage')
  @ApiOperation({
    summary: 'Publish a draft service',
    description: 'Users can then see it and request its items. Needs a support group and a criticality (409 naming what is missing); service owners publish only their own services. Emits itsm.design.service.published.v1.',
  })
  @ApiBody({ schema: { $ref: '#/components/schemas/ExpectedVersionRequest' } })
  @ApiOkResponse({ schema: SERVICE_VIEW_SCHEMA })
  @ApiProblemResponses(400, 404, 409, 413, 422, 502, 503)
  async publish(
    @Param('id') id: string,
    @Body() body: ExpectedVersionRequest,
    @CurrentAuthorization() { principal }: Authorization,
    @ForwardedOrigin() origin: OriginHeaders,
  ): Promise<ServiceView> {
    await assertManagesService(this.design, principal, origin, id);
    return this.design.send<ServiceView>('POST', `/v1/services/${encodeURIComponent(id)}/publish`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('catalogue.read')
  @ApiOperation({ summary: 'Read a catalogue service', description: 'Callers who cannot manage the catalogue see published services only (404 otherwise).' })
  @ApiOkResponse({ schema: SERVICE_VIEW_SCHEMA })
  @ApiProblemResponses(404, 502, 503)
  async get(@Param('id') id: string, @CurrentAuthorization() { principal }: Authorization, @ForwardedOrigin() origin: OriginHeaders): Promise<ServiceView> {
    const service = await this.design.get<ServiceView>(`/v1/services/${encodeURIComponent(id)}`, origin);
    if (service.state !== 'published' && !seesWholeCatalogue(principal)) throw new NotFoundError('service', id);
    return service;
  }

  @Get()
  @RequirePolicy('catalogue.read')
  @ApiOperation({ summary: 'List catalogue services by name', description: 'Callers who cannot manage the catalogue see published services only; asking them for another state is 403.' })
  @ApiOkResponse({ schema: SERVICE_LIST_SCHEMA })
  @ApiProblemResponses(400, 502, 503)
  list(@Query() query: ListServicesQuery, @CurrentAuthorization() { principal }: Authorization, @ForwardedOrigin() origin: OriginHeaders): Promise<{ items: ServiceView[] }> {
    if (seesWholeCatalogue(principal)) return this.design.get<{ items: ServiceView[] }>('/v1/services', origin, query);
    if (query.state !== undefined && query.state !== 'published') throw new ForbiddenException('only catalogue managers see draft and withdrawn services');
    return this.design.get<{ items: ServiceView[] }>('/v1/services', origin, { ...query, state: 'published' });
  }
}
