import { Page } from '@itsm/contracts';
import { DefineRoutingRuleRequest, ListRoutingRulesQuery, ReviseRoutingRuleRequest, RoutingRuleView } from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { OPERATION_CLIENT } from '../operation-client';

const ROUTING_RULES_PATH = 'api/v1/routing-rules';

/**
 * Routing rules: which assignment group a new incident goes to. Tried by ascending `order` (then oldest
 * first); the first active rule whose given criteria (service, category, configuration item) all equal the
 * incident's wins, and a rule with none matches every incident.
 */
@ApiTags('routing rules')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(ROUTING_RULES_PATH)
export class RoutingRulesController {
  constructor(@Inject(OPERATION_CLIENT) private readonly operation: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('assignment.manage')
  @ApiOperation({
    summary: 'Define a routing rule',
    description: '`groupId` must name an active assignment group (400 naming it otherwise). Emits itsm.operation.routing-rule.defined.v1.',
  })
  @ApiViewResponse(201, RoutingRuleView)
  @ApiProblemResponses(502, 503)
  async define(
    @Body() body: DefineRoutingRuleRequest,
    @ForwardedOrigin() origin: OriginHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RoutingRuleView> {
    const rule = await this.operation.send<RoutingRuleView>('POST', '/v1/routing-rules', body, origin);
    void reply.header('location', `/${ROUTING_RULES_PATH}/${rule.id}`);
    return rule;
  }

  @Put(':id')
  @RequirePolicy('assignment.manage')
  @ApiOperation({
    summary: 'Revise a routing rule: move it, change its criteria or group, or deactivate it',
    description:
      'The whole next version (criteria left out then match anything), written if `expectedVersion` is current (409 otherwise). ' +
      'A new `order` moves the rule; `active: false` retires it (kept and listed, never matched). `groupId` must name an active group. ' +
      'Emits itsm.operation.routing-rule.revised.v1.',
  })
  @ApiViewResponse(200, RoutingRuleView)
  @ApiProblemResponses(409, 502, 503)
  revise(@Param('id') id: string, @Body() body: ReviseRoutingRuleRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<RoutingRuleView> {
    return this.operation.send<RoutingRuleView>('PUT', `/v1/routing-rules/${encodeURIComponent(id)}`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('assignment.read')
  @ApiOperation({ summary: 'Read a routing rule' })
  @ApiViewResponse(200, RoutingRuleView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<RoutingRuleView> {
    return this.operation.get<RoutingRuleView>(`/v1/routing-rules/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('assignment.read')
  @ApiOperation({ summary: 'List routing rules in the order they are tried, one page at a time', description: 'Inactive rules included. `groupId` keeps the rules that choose that group.' })
  @ApiPageResponse(RoutingRuleView)
  @ApiProblemResponses(502, 503)
  list(@Query() query: ListRoutingRulesQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<RoutingRuleView>> {
    return this.operation.get<Page<RoutingRuleView>>('/v1/routing-rules', origin, query);
  }
}
