import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { ListServicesQuery, ServiceView } from '@itsm/contracts/design';
import { BY_NAME, toVersionedView } from '@itsm/persistence';
import { listedServiceState, seesWholeCatalogue } from '@itsm/design/design-domain';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { CatalogueServiceRepository } from '../persistence/catalogue-service.repository';

/**
 * The design service's catalogue-service reads, called by the gateway. Who cannot manage the catalogue
 * sees published services only, decided here in the read: another state is 404 for one service, and a
 * list holds only published ones (asking for another state is 403).
 */
@Controller('v1/services')
export class CatalogueServiceQueryController {
  constructor(private readonly services: CatalogueServiceRepository) {}

  @Get(':id')
  async get(@Param('id') id: string, @Origin() { actor }: RequestOrigin): Promise<ServiceView> {
    const record = await this.services.findById(recordId(id, 'service'));
    if (!record || (record.state !== 'published' && !seesWholeCatalogue(actor))) throw new NotFoundError('service', id);
    return toVersionedView(record);
  }

  /** By name, one page at a time. */
  @Get()
  async list(@Query() query: ListServicesQuery, @Origin() { actor }: RequestOrigin): Promise<Page<ServiceView>> {
    const filter = { state: listedServiceState(actor, query.state), type: query.type };
    return toPage(await this.services.page(BY_NAME, pageRequest(query), filter), toVersionedView);
  }
}
