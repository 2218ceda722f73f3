import { NotFoundError } from '@itsm/contracts';
import { ConsumptionView, ListConsumptionQuery, RecordConsumptionRequest } from '@itsm/contracts/strategy';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { parsePeriod } from '@itsm/strategy/finance-domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ConsumptionRepository } from '../persistence/consumption.repository';
import { LIST_LIMIT } from '../persistence/ledger-month-filter';
import { toLedgerView } from '../finance-query/finance-view.mapper';
import { RecordConsumption } from './record-consumption.use-case';

/** The strategy service's consumption API (the basis of chargeback), called by the gateway. */
@Controller('v1/finance/consumption')
export class ConsumptionController {
  constructor(
    private readonly consumption: RecordConsumption,
    private readonly records: ConsumptionRepository,
  ) {}

  @Post()
  @HttpCode(201)
  async record(@Body() request: RecordConsumptionRequest, @Origin() origin: RequestOrigin): Promise<ConsumptionView> {
    return toLedgerView(await this.consumption.record(request, origin));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<ConsumptionView> {
    const record = await this.records.findById(recordId(id, 'consumption record'));
    if (!record) throw new NotFoundError('consumption record', id);
    return toLedgerView(record);
  }

  /** Records of months in the period, of one service and/or business unit or all, by month (at most LIST_LIMIT). */
  @Get()
  async list(@Query() { serviceId, period, businessUnit }: ListConsumptionQuery): Promise<{ items: ConsumptionView[] }> {
    const range = period === undefined ? undefined : parsePeriod(period);
    return { items: (await this.records.consumedIn(range, { serviceId, businessUnit }, LIST_LIMIT)).map(toLedgerView) };
  }
}
