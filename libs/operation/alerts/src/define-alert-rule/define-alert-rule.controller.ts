import { AlertRuleView, DefineAlertRuleRequest, ReviseAlertRuleRequest } from '@itsm/contracts/operation';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { DefineAlertRule } from './define-alert-rule.use-case';

/** Operation's alert rule writes (define, revise), called by the gateway. */
@Controller('v1/alert-rules')
export class DefineAlertRuleController {
  constructor(private readonly defineRule: DefineAlertRule) {}

  @Post()
  @HttpCode(201)
  async define(@Body() fields: DefineAlertRuleRequest, @Origin() origin: RequestOrigin): Promise<AlertRuleView> {
    return toVersionedView(await this.defineRule.define(fields, origin));
  }

  @Put(':id')
  async revise(@Param('id') id: string, @Body() { expectedVersion, ...fields }: ReviseAlertRuleRequest, @Origin() origin: RequestOrigin): Promise<AlertRuleView> {
    return toVersionedView(await this.defineRule.revise(recordId(id, 'alert rule'), expectedVersion, fields, origin));
  }
}
