import { NotFoundError } from '@itsm/contracts';
import { ListServicesQuery, ServiceView } from '@itsm/contracts/design';
import { toVersionedView } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { CatalogueServiceRepository } from '../persistence/catalogue-service.repository';

/** The design service's catalogue-service reads, called by the gateway. */
@Controller('v1/services')
export class CatalogueServiceQueryController {
  constructor(private readonly services: CatalogueServiceRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<ServiceView> {
    const record = await this.services.findById(recordId(id, 'service'));
    if (!record) throw new NotFoundError('service', id);
    return toVersionedView(record);
  }

  @Get()
  async list(@Query() { state, type }: ListServicesQuery): Promise<{ items: ServiceView[] }> {
    const filter = { ...(state ? { state } : {}), ...(type ? { type } : {}) };
    return { items: (await this.services.list('name', filter)).map(toVersionedView) };
  }
}
