import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { ConfigurationItemView, ListConfigurationItemsQuery } from '@itsm/contracts/transition';
import { BY_NAME } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ConfigurationItemRepository } from '../persistence/configuration-item.repository';
import { configurationItemView } from './configuration-item-view.mapper';

/** The transition service's configuration item reads, called by the gateway. */
@Controller('v1/cmdb/items')
export class ConfigurationItemQueryController {
  constructor(private readonly items: ConfigurationItemRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<ConfigurationItemView> {
    const record = await this.items.findById(recordId(id, 'configuration item'));
    if (!record) throw new NotFoundError('configuration item', id);
    return configurationItemView(record);
  }

  /**
   * By name, one page at a time, filtered by class and lifecycle state (equalities). Reference data for
   * people to browse; on FerretDB a page sorts the items that match (see docs/ARCHITECTURE.md, "Lists"),
   * so a large CMDB is browsed by class.
   */
  @Get()
  async list(@Query() query: ListConfigurationItemsQuery): Promise<Page<ConfigurationItemView>> {
    return toPage(await this.items.page(BY_NAME, pageRequest(query), { classKey: query.classKey, lifecycleState: query.lifecycleState }), configurationItemView);
  }
}
