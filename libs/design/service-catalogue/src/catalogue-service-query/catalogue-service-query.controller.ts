import { NotFoundError } from '@itsm/contracts';
import { ListServicesQuery, ServiceView } from '@itsm/contracts/design';
import { toVersionedView } from '@itsm/persistence';
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

  @Get()
  async list(@Query() { state: requested, type }: ListServicesQuery, @Origin() { actor }: RequestOrigin): Promise<{ items: ServiceView[] }> {
    const state = listedServiceState(actor, requested);
    const filter = { ...(state ? { state } : {}), ...(type ? { type } : {}) };
    return { items: (await this.services.list('name', filter)).map(toVersionedView) };
  }
}
