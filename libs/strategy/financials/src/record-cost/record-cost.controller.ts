import { CostEntryView, RecordCostRequest } from '@itsm/contracts/strategy';
import { Origin, RequestOrigin } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { toLedgerView } from '../finance-query/finance-view.mapper';
import { RecordCost } from './record-cost.use-case';

/** The strategy service's cost ledger writes, called by the gateway (reads: FinanceQueryController). */
@Controller('v1/finance/costs')
export class RecordCostController {
  constructor(private readonly costs: RecordCost) {}

  @Post()
  @HttpCode(201)
  async record(@Body() request: RecordCostRequest, @Origin() origin: RequestOrigin): Promise<CostEntryView> {
    return toLedgerView(await this.costs.record(request, origin));
  }
}
