import { ExpectedVersionRequest, NotFoundError } from '@itsm/contracts';
import { ListServicesQuery, ReviseServiceRequest, ServiceView } from '@itsm/contracts/design';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CatalogueServiceRepository } from '../persistence/catalogue-service.repository';
import { ManageCatalogueService } from './manage-catalogue-service.use-case';

/** The design service's catalogue-service API, called by the gateway. Services arrive as drafts from the portfolio. */
@Controller('v1/services')
export class ServicesController {
  constructor(
    private readonly catalogue: ManageCatalogueService,
    private readonly services: CatalogueServiceRepository,
  ) {}

  @Put(':id')
  async revise(@Param('id') id: string, @Body() { expectedVersion, ...definition }: ReviseServiceRequest, @Origin() origin: RequestOrigin): Promise<ServiceView> {
    return toVersionedView(await this.catalogue.revise(recordId(id, 'service'), expectedVersion, definition, origin));
  }

  @Post(':id/publish')
  @HttpCode(200)
  async publish(@Param('id') id: string, @Body() { expectedVersion }: ExpectedVersionRequest, @Origin() origin: RequestOrigin): Promise<ServiceView> {
    return toVersionedView(await this.catalogue.publish(recordId(id, 'service'), expectedVersion, origin));
  }

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
