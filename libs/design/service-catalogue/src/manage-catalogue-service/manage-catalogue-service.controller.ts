import { ExpectedVersionRequest } from '@itsm/contracts';
import { ReviseServiceRequest, ServiceView } from '@itsm/contracts/design';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ManageCatalogueService } from './manage-catalogue-service.use-case';

/** The design service's catalogue-service writes (revise, publish), called by the gateway. Services arrive as drafts from the portfolio. */
@Controller('v1/services')
export class ManageCatalogueServiceController {
  constructor(private readonly catalogue: ManageCatalogueService) {}

  @Put(':id')
  async revise(@Param('id') id: string, @Body() { expectedVersion, ...definition }: ReviseServiceRequest, @Origin() origin: RequestOrigin): Promise<ServiceView> {
    return toVersionedView(await this.catalogue.revise(recordId(id, 'service'), expectedVersion, definition, origin));
  }

  @Post(':id/publish')
  @HttpCode(200)
  async publish(@Param('id') id: string, @Body() { expectedVersion }: ExpectedVersionRequest, @Origin() origin: RequestOrigin): Promise<ServiceView> {
    return toVersionedView(await this.catalogue.publish(recordId(id, 'service'), expectedVersion, origin));
  }
}
