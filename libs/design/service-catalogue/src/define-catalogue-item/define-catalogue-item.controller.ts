import { NotFoundError } from '@itsm/contracts';
import { CatalogueItemView, DefineCatalogueItemRequest, ReviseCatalogueItemRequest, SearchCatalogueQuery } from '@itsm/contracts/design';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CatalogueItemRepository, StoredCatalogueItem } from '../persistence/catalogue-item.repository';
import { searchWords } from '../catalogue-item-rules';
import { CatalogueServiceRepository } from '../persistence/catalogue-service.repository';
import { DefineCatalogueItem, ItemOfService } from './define-catalogue-item.use-case';

const DEFAULT_SEARCH_LIMIT = 50;

/** The design service's catalogue-item API and the requesters' catalogue search, called by the gateway. */
@Controller('v1/catalogue/items')
export class CatalogueItemsController {
  constructor(
    private readonly defineItem: DefineCatalogueItem,
    private readonly items: CatalogueItemRepository,
    private readonly services: CatalogueServiceRepository,
  ) {}

  @Post()
  @HttpCode(201)
  async define(@Body() item: DefineCatalogueItemRequest, @Origin() origin: RequestOrigin): Promise<CatalogueItemView> {
    return writtenView(await this.defineItem.define(item, origin));
  }

  @Put(':id')
  async revise(@Param('id') id: string, @Body() { expectedVersion, ...item }: ReviseCatalogueItemRequest, @Origin() origin: RequestOrigin): Promise<CatalogueItemView> {
    return writtenView(await this.defineItem.revise(recordId(id, 'catalogue item'), expectedVersion, item, origin));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<CatalogueItemView> {
    const record = await this.items.findById(recordId(id, 'catalogue item'));
    if (!record) throw new NotFoundError('catalogue item', id);
    const service = await this.services.findById(record.serviceId);
    return toItemView(record, service?.state === 'published');
  }

  /** Requestable items only (active, of a published service) unless includeUnrequestable. */
  @Get()
  async search(@Query() query: SearchCatalogueQuery): Promise<{ items: CatalogueItemView[] }> {
    const published = await this.services.idsWhere({ state: 'published' });
    const named = query.serviceId === undefined ? undefined : [query.serviceId];
    const found = await this.items.search({
      words: searchWords(query.q),
      category: query.category,
      serviceIds: query.includeUnrequestable ? named : (named ?? [...published]).filter((id) => published.has(id)),
      activeOnly: !query.includeUnrequestable,
      limit: query.limit ?? DEFAULT_SEARCH_LIMIT,
    });
    return { items: found.map((item) => toItemView(item, published.has(item.serviceId))) };
  }
}

function writtenView({ item, service }: ItemOfService): CatalogueItemView {
  return toItemView(item, service.state === 'published');
}

function toItemView(item: StoredCatalogueItem, servicePublished: boolean): CatalogueItemView {
  const { searchText: _searchText, ...view } = toVersionedView(item);
  return { ...view, requestable: item.active && servicePublished };
}
