import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { BudgetView, ConsumptionView, CostEntryView, CostModelView, ListBudgetsQuery, ListConsumptionQuery, ListCostsQuery } from '@itsm/contracts/strategy';
import { toVersionedView } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { MonthRange, parsePeriod } from '@itsm/strategy/finance-domain';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { BudgetRepository, budgetId } from '../persistence/budget.repository';
import { ConsumptionRepository } from '../persistence/consumption.repository';
import { CostEntryRepository } from '../persistence/cost-entry.repository';
import { CostModelRepository } from '../persistence/cost-model.repository';
import { toBudgetView, toLedgerView } from './finance-view.mapper';

/** The strategy service's finance reads (cost models, budgets, the cost ledger, consumption), called by the gateway. */
@Controller('v1/finance')
export class FinanceQueryController {
  constructor(
    private readonly models: CostModelRepository,
    private readonly budgets: BudgetRepository,
    private readonly entries: CostEntryRepository,
    private readonly records: ConsumptionRepository,
  ) {}

  @Get('cost-models/:serviceId')
  async costModel(@Param('serviceId') serviceId: string): Promise<CostModelView> {
    const model = await this.models.findById(recordId(serviceId, 'cost model of service'));
    if (!model) throw new NotFoundError('cost model', serviceId, `service ${serviceId} has no cost model`);
    return toVersionedView(model);
  }

  @Get('budgets/:serviceId/:period')
  async budget(@Param('serviceId') serviceId: string, @Param('period') period: string): Promise<BudgetView> {
    const budget = parsePeriod(period) ? await this.budgets.findById(budgetId(recordId(serviceId, 'budget of service'), period)) : null;
    if (!budget) throw new NotFoundError('budget', `${serviceId}/${period}`, `service ${serviceId} has no budget for ${period}`);
    return toBudgetView(budget);
  }

  /** Budgets that count toward the period (share a month with it), by service then period start, one page at a time. */
  @Get('budgets')
  async budgetList(@Query() query: ListBudgetsQuery): Promise<Page<BudgetView>> {
    return toPage(await this.budgets.overlappingPage(rangeOf(query.period), query.serviceId, pageRequest(query)), toBudgetView);
  }

  @Get('costs/:id')
  async costEntry(@Param('id') id: string): Promise<CostEntryView> {
    const entry = await this.entries.findById(recordId(id, 'cost entry'));
    if (!entry) throw new NotFoundError('cost entry', id);
    return toLedgerView(entry);
  }

  /** Entries incurred in the period, of one service or all, by date, one page at a time. */
  @Get('costs')
  async costEntryList(@Query() query: ListCostsQuery): Promise<Page<CostEntryView>> {
    return toPage(await this.entries.incurredInPage(rangeOf(query.period), query.serviceId, pageRequest(query)), toLedgerView);
  }

  @Get('consumption/:id')
  async consumption(@Param('id') id: string): Promise<ConsumptionView> {
    const record = await this.records.findById(recordId(id, 'consumption record'));
    if (!record) throw new NotFoundError('consumption record', id);
    return toLedgerView(record);
  }

  /** Records of months in the period, of one service and/or business unit or all, by month, one page at a time. */
  @Get('consumption')
  async consumptionList(@Query() query: ListConsumptionQuery): Promise<Page<ConsumptionView>> {
    const { serviceId, businessUnit } = query;
    return toPage(await this.records.consumedInPage(rangeOf(query.period), { serviceId, businessUnit }, pageRequest(query)), toLedgerView);
  }
}

/** The months a list's `period` covers (validated by the query class); every month without one. */
function rangeOf(period: string | undefined): MonthRange | undefined {
  return period === undefined ? undefined : parsePeriod(period);
}
