import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { ListRoutingRulesQuery, RoutingRuleView } from '@itsm/contracts/operation';
import { BY_ORDER, toVersionedView } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { RoutingRuleRepository } from '../persistence/routing-rule.repository';

/** Operation's routing rule reads, called by the gateway. */
@Controller('v1/routing-rules')
export class RoutingRuleQueryController {
  constructor(private readonly rules: RoutingRuleRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<RoutingRuleView> {
    const record = await this.rules.findById(recordId(id, 'routing rule'));
    if (!record) throw new NotFoundError('routing rule', id);
    return toVersionedView(record);
  }

  /** In the order the rules are tried (inactive ones included), one page at a time; `groupId` keeps one group's rules. */
  @Get()
  async list(@Query() query: ListRoutingRulesQuery): Promise<Page<RoutingRuleView>> {
    return toPage(await this.rules.page(BY_ORDER, pageRequest(query), { groupId: query.groupId }), toVersionedView);
  }
}
