import { Page } from '@itsm/contracts';
import { ConfigurationItemView, ImpactQuery, ImpactView, ListConfigurationItemsQuery, RegisterConfigurationItemRequest, ReviseConfigurationItemRequest } from '@itsm/contracts/transition';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { TRANSITION_CLIENT } from '../transition-client';

const ITEMS_PATH = 'api/v1/cmdb/items';

/** Configuration items, and impact analysis from one of them. */
@ApiTags('cmdb')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(ITEMS_PATH)
export class ConfigurationItemsController {
  constructor(@Inject(TRANSITION_CLIENT) private readonly transition: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('cmdb.manage')
  @ApiOperation({ summary: 'Register a configuration item', description: 'Its attributes are checked against its class (400); 409 when its external id is another item\'s. Emits itsm.transition.configuration-item.registered.v1.' })
  @ApiViewResponse(201, ConfigurationItemView)
  @ApiProblemResponses(409, 422, 502, 503)
  async register(@Body() body: RegisterConfigurationItemRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<ConfigurationItemView> {
    const item = await this.transition.send<ConfigurationItemView>('POST', '/v1/cmdb/items', body, origin);
    void reply.header('location', `/${ITEMS_PATH}/${item.id}`);
    return item;
  }

  @Put(':id')
  @RequirePolicy('cmdb.manage')
  @ApiOperation({ summary: 'Revise a configuration item', description: 'Creates the next version if `expectedVersion` is current (409 otherwise). Emits itsm.transition.configuration-item.revised.v1.' })
  @ApiViewResponse(200, ConfigurationItemView)
  @ApiProblemResponses(409, 422, 502, 503)
  revise(@Param('id') id: string, @Body() body: ReviseConfigurationItemRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ConfigurationItemView> {
    return this.transition.send<ConfigurationItemView>('PUT', `/v1/cmdb/items/${encodeURIComponent(id)}`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('cmdb.read')
  @ApiOperation({ summary: 'Read a configuration item' })
  @ApiViewResponse(200, ConfigurationItemView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<ConfigurationItemView> {
    return this.transition.get<ConfigurationItemView>(`/v1/cmdb/items/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('cmdb.read')
  @ApiOperation({ summary: 'List configuration items by name, by class and lifecycle state, one page at a time' })
  @ApiPageResponse(ConfigurationItemView)
  @ApiProblemResponses(400, 502, 503)
  list(@Query() query: ListConfigurationItemsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<ConfigurationItemView>> {
    return this.transition.get<Page<ConfigurationItemView>>('/v1/cmdb/items', origin, query);
  }

  @Get(':id/impact')
  @RequirePolicy('cmdb.read')
  @ApiOperation({
    summary: 'Impact analysis from a configuration item',
    description:
      '`upstream` (default): what a failure of the item affects, up to the business services and their consumers; `downstream`: what the item depends on. ' +
      'At most `depth` relationships deep (default 6, at most 12), cycle-safe, with a shortest path to each item reached and whether items lay beyond the depth.',
  })
  @ApiViewResponse(200, ImpactView)
  @ApiProblemResponses(400, 502, 503)
  impact(@Param('id') id: string, @Query() query: ImpactQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<ImpactView> {
    return this.transition.get<ImpactView>(`/v1/cmdb/items/${encodeURIComponent(id)}/impact`, origin, query);
  }
}
