import { ConsumptionView, RecordConsumptionRequest } from '@itsm/contracts/strategy';
import { Origin, RequestOrigin } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { toLedgerView } from '../finance-query/finance-view.mapper';
import { RecordConsumption } from './record-consumption.use-case';

/** The strategy service's consumption writes (the basis of chargeback), called by the gateway (reads: FinanceQueryController). */
@Controller('v1/finance/consumption')
export class RecordConsumptionController {
  constructor(private readonly consumption: RecordConsumption) {}

  @Post()
  @HttpCode(201)
  async record(@Body() request: RecordConsumptionRequest, @Origin() origin: RequestOrigin): Promise<ConsumptionView> {
    return toLedgerView(await this.consumption.record(request, origin));
  }
}
