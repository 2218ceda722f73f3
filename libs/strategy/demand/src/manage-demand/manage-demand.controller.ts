import { AssessDemandRequest, DecideDemandRequest, DemandView, RecordDemandRequest } from '@itsm/contracts/strategy';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ManageDemand } from './manage-demand.use-case';

/** The strategy service's demand writes (record, assess, decide), called by the gateway (reads: DemandQueryController). */
@Controller('v1/demands')
export class ManageDemandController {
  constructor(private readonly demand: ManageDemand) {}

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
}
