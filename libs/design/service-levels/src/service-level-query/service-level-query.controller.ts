import { ByNamePageQuery, NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { SlaView } from '@itsm/contracts/design';
import { BY_NAME, toVersionedView } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ServiceLevelRepository } from '../persistence/service-level.repository';

/** The design service's service-level reads, called by the gateway. */
@Controller('v1/slas')
export class ServiceLevelQueryController {
  constructor(private readonly serviceLevels: ServiceLevelRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<SlaView> {
    const record = await this.serviceLevels.findById(recordId(id, 'service level'));
    if (!record) throw new NotFoundError('service level', id);
    return toVersionedView(record);
  }

  /** By name, one page at a time. */
  @Get()
  async list(@Query() query: ByNamePageQuery): Promise<Page<SlaView>> {
    return toPage(await this.serviceLevels.page(BY_NAME, pageRequest(query)), toVersionedView);
  }
}
