import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { DemandView, ListDemandsQuery } from '@itsm/contracts/strategy';
import { toVersionedView } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { DemandRepository } from '../persistence/demand.repository';

/** The strategy service's demand reads, called by the gateway. */
@Controller('v1/demands')
export class DemandQueryController {
  constructor(private readonly demands: DemandRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<DemandView> {
    const record = await this.demands.findById(recordId(id, 'demand'));
    if (!record) throw new NotFoundError('demand', id);
    return toVersionedView(record);
  }

  /** Newest first, one page at a time. */
  @Get()
  async list(@Query() query: ListDemandsQuery): Promise<Page<DemandView>> {
    const { state, businessUnit, serviceId } = query;
    return toPage(await this.demands.newestFirst({ state, businessUnit, serviceId }, pageRequest(query)), toVersionedView);
  }
}
