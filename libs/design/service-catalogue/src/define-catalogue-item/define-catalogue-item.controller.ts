import { CatalogueItemView, DefineCatalogueItemRequest, ReviseCatalogueItemRequest } from '@itsm/contracts/design';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { toItemView } from '../catalogue-item-query/catalogue-item-view.mapper';
import { DefineCatalogueItem, ItemOfService } from './define-catalogue-item.use-case';

/** The design service's catalogue-item writes (define, revise), called by the gateway. */
@Controller('v1/catalogue/items')
export class DefineCatalogueItemController {
  constructor(private readonly defineItem: DefineCatalogueItem) {}

  @Post()
  @HttpCode(201)
  async define(@Body() item: DefineCatalogueItemRequest, @Origin() origin: RequestOrigin): Promise<CatalogueItemView> {
    return writtenView(await this.defineItem.define(item, origin));
  }

  @Put(':id')
  async revise(@Param('id') id: string, @Body() { expectedVersion, ...item }: ReviseCatalogueItemRequest, @Origin() origin: RequestOrigin): Promise<CatalogueItemView> {
    return writtenView(await this.defineItem.revise(recordId(id, 'catalogue item'), expectedVersion, item, origin));
  }
}

function writtenView({ item, service }: ItemOfService): CatalogueItemView {
  return toItemView(item, service.state === 'published');
}
