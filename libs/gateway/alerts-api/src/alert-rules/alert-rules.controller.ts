import { Page } from '@itsm/contracts';
import { AlertRuleView, DefineAlertRuleRequest, ListAlertRulesQuery, ReviseAlertRuleRequest } from '@itsm/contracts/operation';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { OPERATION_ALERTS_CLIENT } from '../operation-client';

const ALERT_RULES_PATH = 'api/v1/alert-rules';

/**
 * Alert rules: which alerts get an incident, with which impact and urgency, and whether it resolves itself.
 * Tried by ascending `order`; the first active rule whose severities (none listed: any) and label conditions
 * all match an alert decides.
 */
@ApiTags('alerts')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(ALERT_RULES_PATH)
export class AlertRulesController {
  constructor(@Inject(OPERATION_ALERTS_CLIENT) private readonly operation: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('alerts.manage')
  @ApiOperation({ summary: 'Define an alert rule', description: 'Applies to alerts taken in from then on. Emits itsm.operation.alert-rule.defined.v1.' })
  @ApiViewResponse(201, AlertRuleView)
  @ApiProblemResponses(502, 503)
  async define(@Body() body: DefineAlertRuleRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<AlertRuleView> {
    const rule = await this.operation.send<AlertRuleView>('POST', '/v1/alert-rules', body, origin);
    void reply.header('location', `/${ALERT_RULES_PATH}/${rule.id}`);
    return rule;
  }

  @Put(':id')
  @RequirePolicy('alerts.manage')
  @ApiOperation({
    summary: 'Revise an alert rule: move it, change what it covers or decides, or deactivate it',
    description: 'The whole next version, written if `expectedVersion` is current (409 otherwise); incidents already created keep what the rule said then. Emits itsm.operation.alert-rule.revised.v1.',
  })
  @ApiViewResponse(200, AlertRuleView)
  @ApiProblemResponses(409, 502, 503)
  revise(@Param('id') id: string, @Body() body: ReviseAlertRuleRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<AlertRuleView> {
    return this.operation.send<AlertRuleView>('PUT', `/v1/alert-rules/${encodeURIComponent(id)}`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('alerts.read')
  @ApiOperation({ summary: 'Read an alert rule' })
  @ApiViewResponse(200, AlertRuleView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<AlertRuleView> {
    return this.operation.get<AlertRuleView>(`/v1/alert-rules/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('alerts.read')
  @ApiOperation({ summary: 'List alert rules in the order they are tried, one page at a time', description: 'Inactive rules included.' })
  @ApiPageResponse(AlertRuleView)
  @ApiProblemResponses(502, 503)
  list(@Query() query: ListAlertRulesQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<AlertRuleView>> {
    return this.operation.get<Page<AlertRuleView>>('/v1/alert-rules', origin, query);
  }
}
