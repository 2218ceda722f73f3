import { NotFoundError } from '@itsm/contracts';
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

  @Get()
  async list(@Query() { state, businessUnit, serviceId }: ListDemandsQuery): Promise<{ items: DemandView[] }> {
    return { items: (await this.demands.newestFirst({ state, businessUnit, serviceId })).map(toVersionedView) };
  }
}
