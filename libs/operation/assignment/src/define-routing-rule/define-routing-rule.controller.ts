import { DefineRoutingRuleRequest, ReviseRoutingRuleRequest, RoutingRuleView } from '@itsm/contracts/operation';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { DefineRoutingRule } from './define-routing-rule.use-case';

/** Operation's routing rule writes (define, revise: move, retarget, deactivate), called by the gateway. */
@Controller('v1/routing-rules')
export class DefineRoutingRuleController {
  constructor(private readonly defineRule: DefineRoutingRule) {}

  @Post()
  @HttpCode(201)
  async define(@Body() fields: DefineRoutingRuleRequest, @Origin() origin: RequestOrigin): Promise<RoutingRuleView> {
    return toVersionedView(await this.defineRule.define(fields, origin));
  }

  @Put(':id')
  async revise(@Param('id') id: string, @Body() { expectedVersion, ...fields }: ReviseRoutingRuleRequest, @Origin() origin: RequestOrigin): Promise<RoutingRuleView> {
    return toVersionedView(await this.defineRule.revise(recordId(id, 'routing rule'), expectedVersion, fields, origin));
  }
}
