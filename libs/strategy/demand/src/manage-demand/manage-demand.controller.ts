import { NotFoundError } from '@itsm/contracts';
import { AssessDemandRequest, DecideDemandRequest, DemandView, ListDemandsQuery, RecordDemandRequest } from '@itsm/contracts/strategy';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ManageDemand } from './manage-demand.use-case';
import { DemandRepository } from '../persistence/demand.repository';

/** The strategy service's demand API, called by the gateway. */
@Controller('v1/demands')
export class DemandController {
  constructor(
    private readonly demand: ManageDemand,
    private readonly demands: DemandRepository,
  ) {}

  @Post()
  @HttpCode(201)
  async record(@Body() request: RecordDemandRequest, @Origin() origin: RequestOrigin): Promise<DemandView> {
    return toVersionedView(await this.demand.record(request, origin));
  }

  @Post(':id/assessment')
  @HttpCode(200)
  async assess(@Param('id') id: string, @Body() request: AssessDemandRequest, @Origin() origin: RequestOrigin): Promise<DemandView> {
    return toVersionedView(await this.demand.assess(recordId(id, 'demand'), request, origin));
  }

  @Post(':id/decision')
  @HttpCode(200)
  async decide(@Param('id') id: string, @Body() request: DecideDemandRequest, @Origin() origin: RequestOrigin): Promise<DemandView> {
    return toVersionedView(await this.demand.decide(recordId(id, 'demand'), request, origin));
  }

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
