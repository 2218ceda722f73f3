import { Page } from '@itsm/contracts';
import { CatalogueItemView, DefineCatalogueItemRequest, ReviseCatalogueItemRequest, SearchCatalogueQuery } from '@itsm/contracts/design';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DESIGN_CLIENT } from '../design-client';

const ITEMS_PATH = 'api/v1/catalogue/items';

/**
 * What users can request from the catalogue: the form they fill in, its approvals, who fulfils it and how fast.
 * The design service decides who sees and changes which item; this controller checks the route's roles and forwards.
 */
@ApiTags('service catalogue')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(ITEMS_PATH)
export class CatalogueItemsController {
  constructor(@Inject(DESIGN_CLIENT) private readonly design: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('catalogue.manage')
  @ApiOperation({ summary: 'Define a catalogue item', description: 'The service must be in the catalogue (draft or published); service owners add items to their own services only (403 otherwise). Emits itsm.design.catalogue-item.defined.v1 (version 1).' })
  @ApiViewResponse(201, CatalogueItemView)
  @ApiProblemResponses(422, 502, 503)
  async define(@Body() body: DefineCatalogueItemRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<CatalogueItemView> {
    const item = await this.design.send<CatalogueItemView>('POST', '/v1/catalogue/items', body, origin);
    void reply.header('location', `/${ITEMS_PATH}/${item.id}`);
    return item;
  }

  @Put(':id')
  @RequirePolicy('catalogue.manage')
  @ApiOperation({ summary: 'Revise a catalogue item', description: 'Creates the next version if `expectedVersion` is current (409 otherwise); requests keep the version they were raised on. Service owners revise the items of their own services only, and move them only between their own services (403 otherwise).' })
  @ApiViewResponse(200, CatalogueItemView)
  @ApiProblemResponses(409, 422, 502, 503)
  revise(@Param('id') id: string, @Body() body: ReviseCatalogueItemRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<CatalogueItemView> {
    return this.design.send<CatalogueItemView>('PUT', `/v1/catalogue/items/${encodeURIComponent(id)}`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('catalogue.read')
  @ApiOperation({ summary: 'Read a catalogue item', description: 'Callers who cannot manage the catalogue see requestable items only (404 otherwise).' })
  @ApiViewResponse(200, CatalogueItemView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<CatalogueItemView> {
    return this.design.get<CatalogueItemView>(`/v1/catalogue/items/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('catalogue.read')
  @ApiOperation({
    summary: 'Search the catalogue',
    description: 'Requestable items (active, of a published service) whose name, description, category or keywords contain every word of `q`, by name, one page at a time. `includeUnrequestable` is for catalogue managers (403 otherwise).',
  })
  @ApiPageResponse(CatalogueItemView)
  @ApiProblemResponses(400, 502, 503)
  search(@Query() query: SearchCatalogueQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<CatalogueItemView>> {
    return this.design.get<Page<CatalogueItemView>>('/v1/catalogue/items', origin, query);
  }
}
