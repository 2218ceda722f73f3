import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { AlertRuleView, ListAlertRulesQuery } from '@itsm/contracts/operation';
import { BY_ORDER, toVersionedView } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { AlertRuleRepository } from '../persistence/alert-rule.repository';

/** Operation's alert rule reads, called by the gateway. */
@Controller('v1/alert-rules')
export class AlertRuleQueryController {
  constructor(private readonly rules: AlertRuleRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<AlertRuleView> {
    const record = await this.rules.findById(recordId(id, 'alert rule'));
    if (!record) throw new NotFoundError('alert rule', id);
    return toVersionedView(record);
  }

  /** In the order the rules are tried (inactive ones included). */
  @Get()
  async list(@Query() query: ListAlertRulesQuery): Promise<Page<AlertRuleView>> {
    return toPage(await this.rules.page(BY_ORDER, pageRequest(query)), toVersionedView);
  }
}
