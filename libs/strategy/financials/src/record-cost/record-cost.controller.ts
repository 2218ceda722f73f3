import { NotFoundError } from '@itsm/contracts';
import { CostEntryView, FinanceListQuery, RecordCostRequest } from '@itsm/contracts/strategy';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { parsePeriod } from '@itsm/strategy/finance-domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CostEntryRepository } from '../persistence/cost-entry.repository';
import { LIST_LIMIT } from '../persistence/ledger-month-filter';
import { toLedgerView } from '../finance-query/finance-view.mapper';
import { RecordCost } from './record-cost.use-case';

/** The strategy service's cost ledger API, called by the gateway. */
@Controller('v1/finance/costs')
export class CostsController {
  constructor(
    private readonly costs: RecordCost,
    private readonly entries: CostEntryRepository,
  ) {}

  @Post()
  @HttpCode(201)
  async record(@Body() request: RecordCostRequest, @Origin() origin: RequestOrigin): Promise<CostEntryView> {
    return toLedgerView(await this.costs.record(request, origin));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<CostEntryView> {
    const entry = await this.entries.findById(recordId(id, 'cost entry'));
    if (!entry) throw new NotFoundError('cost entry', id);
    return toLedgerView(entry);
  }

  /** Entries incurred in the period, of one service or all, by date (at most LIST_LIMIT). */
  @Get()
  async list(@Query() { serviceId, period }: FinanceListQuery): Promise<{ items: CostEntryView[] }> {
    const range = period === undefined ? undefined : parsePeriod(period);
    return { items: (await this.entries.incurredIn(range, serviceId, LIST_LIMIT)).map(toLedgerView) };
  }
}
