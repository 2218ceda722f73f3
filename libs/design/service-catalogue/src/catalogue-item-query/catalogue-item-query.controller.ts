import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { CatalogueItemView, SearchCatalogueQuery } from '@itsm/contracts/design';
import { assertMaySeeUnrequestable, searchWords, seesWholeCatalogue } from '@itsm/design/design-domain';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { CatalogueItemRepository } from '../persistence/catalogue-item.repository';
import { CatalogueServiceRepository } from '../persistence/catalogue-service.repository';
import { toItemView } from './catalogue-item-view.mapper';

/**
 * The design service's catalogue-item reads and the requesters' catalogue search, called by the gateway.
 * Who cannot manage the catalogue sees requestable items only, decided here in the read: another item is
 * 404, and asking the search for unrequestable ones is 403.
 */
@Controller('v1/catalogue/items')
export class CatalogueItemQueryController {
  constructor(
    private readonly items: CatalogueItemRepository,
    private readonly services: CatalogueServiceRepository,
  ) {}

  @Get(':id')
  async get(@Param('id') id: string, @Origin() { actor }: RequestOrigin): Promise<CatalogueItemView> {
    const record = await this.items.findById(recordId(id, 'catalogue item'));
    if (!record) throw new NotFoundError('catalogue item', id);
    const service = await this.services.findById(record.serviceId);
    const view = toItemView(record, service?.state === 'published');
    if (!view.requestable && !seesWholeCatalogue(actor)) throw new NotFoundError('catalogue item', id);
    return view;
  }

  /** Requestable items only (active, of a published service) unless includeUnrequestable; by name, one page at a time. */
  @Get()
  async search(@Query() query: SearchCatalogueQuery, @Origin() { actor }: RequestOrigin): Promise<Page<CatalogueItemView>> {
    assertMaySeeUnrequestable(actor, query.includeUnrequestable);
    const published = await this.services.idsWhere({ state: 'published' });
    const named = query.serviceId === undefined ? undefined : [query.serviceId];
    const found = await this.items.search(
      {
        words: searchWords(query.q),
        category: query.category,
        serviceIds: query.includeUnrequestable ? named : (named ?? [...published]).filter((id) => published.has(id)),
        activeOnly: !query.includeUnrequestable,
      },
      pageRequest(query),
    );
    return toPage(found, (item) => toItemView(item, published.has(item.serviceId)));
  }
}
