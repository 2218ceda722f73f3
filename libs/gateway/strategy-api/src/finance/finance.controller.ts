import { Page } from '@itsm/contracts';
import { BudgetView, BudgetVsActualReportView, ChargebackReportView, ConsumptionView, CostEntryView, CostModelView, FinanceReportQuery, ListBudgetsQuery, ListConsumptionQuery, ListCostsQuery, RecordConsumptionRequest, RecordCostRequest, SetBudgetRequest, SetCostModelRequest } from '@itsm/contracts/strategy';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { STRATEGY_CLIENT } from '../strategy-client';

const FINANCE_PATH = 'api/v1/finance';
const SET_DESCRIPTION = 'Without `expectedVersion` it creates version 1 (201; 409 if it exists); with it, the next version if `expectedVersion` is current (200; 409 otherwise).';

/** IT financial management: cost models, budgets, actual costs and consumption per portfolio service; budget-vs-actual and chargeback reports. Amounts are exact decimal strings. */
@ApiTags('finance')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(FINANCE_PATH)
export class FinanceController {
  constructor(@Inject(STRATEGY_CLIENT) private readonly strategy: ServiceHttpClient) {}

  @Put('cost-models/:serviceId')
  @RequirePolicy('finance.manage')
  @ApiOperation({
    summary: "Define or revise a service's cost model",
    description: `Fixed items (amount per month, quarter or year) and per-unit items (rate per unit; one unit per model). ${SET_DESCRIPTION} 400 naming serviceId for an unknown service. Emits itsm.strategy.cost-model.defined.v1.`,
  })
  @ApiViewResponse(200, CostModelView)
  @ApiViewResponse(201, CostModelView)
  @ApiProblemResponses(409, 502, 503)
  async setCostModel(
    @Param('serviceId') serviceId: string,
    @Body() body: SetCostModelRequest,
    @ForwardedOrigin() origin: OriginHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CostModelView> {
    const model = await this.strategy.send<CostModelView>('PUT', `/v1/finance/cost-models/${encodeURIComponent(serviceId)}`, body, origin);
    void reply.status(model.version === 1 ? 201 : 200);
    return model;
  }

  @Get('cost-models/:serviceId')
  @RequirePolicy('finance.read')
  @ApiOperation({ summary: "Read a service's cost model" })
  @ApiViewResponse(200, CostModelView)
  @ApiProblemResponses(502, 503)
  getCostModel(@Param('serviceId') serviceId: string, @ForwardedOrigin() origin: OriginHeaders): Promise<CostModelView> {
    return this.strategy.get<CostModelView>(`/v1/finance/cost-models/${encodeURIComponent(serviceId)}`, origin);
  }

  @Put('budgets/:serviceId/:period')
  @RequirePolicy('finance.manage')
  @ApiOperation({
    summary: "Set or revise a service's budget for a fiscal year, quarter or month",
    description: `${SET_DESCRIPTION} A month counts in one budget of a service only (409 for an overlapping new budget). 400 naming serviceId or period. Emits itsm.strategy.budget.set.v1.`,
  })
  @ApiViewResponse(200, BudgetView)
  @ApiViewResponse(201, BudgetView)
  @ApiProblemResponses(409, 502, 503)
  async setBudget(
    @Param('serviceId') serviceId: string,
    @Param('period') period: string,
    @Body() body: SetBudgetRequest,
    @ForwardedOrigin() origin: OriginHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BudgetView> {
    const budget = await this.strategy.send<BudgetView>('PUT', `/v1/finance/budgets/${encodeURIComponent(serviceId)}/${encodeURIComponent(period)}`, body, origin);
    void reply.status(budget.version === 1 ? 201 : 200);
    return budget;
  }

  @Get('budgets/:serviceId/:period')
  @RequirePolicy('finance.read')
  @ApiOperation({ summary: "Read a service's budget for a fiscal period" })
  @ApiViewResponse(200, BudgetView)
  @ApiProblemResponses(502, 503)
  getBudget(@Param('serviceId') serviceId: string, @Param('period') period: string, @ForwardedOrigin() origin: OriginHeaders): Promise<BudgetView> {
    return this.strategy.get<BudgetView>(`/v1/finance/budgets/${encodeURIComponent(serviceId)}/${encodeURIComponent(period)}`, origin);
  }

  @Get('budgets')
  @RequirePolicy('finance.read')
  @ApiOperation({ summary: 'List budgets', description: 'Of one service or all; with `period`, the budgets that count toward it (share a month with it). By service, then period start, one page at a time.' })
  @ApiPageResponse(BudgetView)
  @ApiProblemResponses(400, 502, 503)
  listBudgets(@Query() query: ListBudgetsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<BudgetView>> {
    return this.strategy.get<Page<BudgetView>>('/v1/finance/budgets', origin, query);
  }

  @Post('costs')
  @RequirePolicy('finance.manage')
  @ApiOperation({
    summary: 'Record an actual cost',
    description: 'Appends to the cost ledger, which is never changed: correct a mistake with a negative entry. It counts in the month of incurredOn. 400 naming serviceId for an unknown service. Emits itsm.strategy.cost.recorded.v1.',
  })
  @ApiViewResponse(201, CostEntryView)
  @ApiProblemResponses(502, 503)
  async recordCost(@Body() body: RecordCostRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<CostEntryView> {
    const entry = await this.strategy.send<CostEntryView>('POST', '/v1/finance/costs', body, origin);
    void reply.header('location', `/${FINANCE_PATH}/costs/${entry.id}`);
    return entry;
  }

  @Get('costs/:id')
  @RequirePolicy('finance.read')
  @ApiOperation({ summary: 'Read a cost entry' })
  @ApiViewResponse(200, CostEntryView)
  @ApiProblemResponses(502, 503)
  getCost(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<CostEntryView> {
    return this.strategy.get<CostEntryView>(`/v1/finance/costs/${encodeURIComponent(id)}`, origin);
  }

  @Get('costs')
  @RequirePolicy('finance.read')
  @ApiOperation({ summary: 'List cost entries', description: 'Of one service or all, incurred in `period` or ever; by date, one page at a time.' })
  @ApiPageResponse(CostEntryView)
  @ApiProblemResponses(400, 502, 503)
  listCosts(@Query() query: ListCostsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<CostEntryView>> {
    return this.strategy.get<Page<CostEntryView>>('/v1/finance/costs', origin, query);
  }

  @Post('consumption')
  @RequirePolicy('finance.manage')
  @ApiOperation({
    summary: "Record a business unit's consumption of a service in a month",
    description: "Units in the unit of the service's cost model; the basis of chargeback. 400 naming serviceId for an unknown service. Emits itsm.strategy.consumption.recorded.v1.",
  })
  @ApiViewResponse(201, ConsumptionView)
  @ApiProblemResponses(502, 503)
  async recordConsumption(
    @Body() body: RecordConsumptionRequest,
    @ForwardedOrigin() origin: OriginHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsumptionView> {
    const record = await this.strategy.send<ConsumptionView>('POST', '/v1/finance/consumption', body, origin);
    void reply.header('location', `/${FINANCE_PATH}/consumption/${record.id}`);
    return record;
  }

  @Get('consumption/:id')
  @RequirePolicy('finance.read')
  @ApiOperation({ summary: 'Read a consumption record' })
  @ApiViewResponse(200, ConsumptionView)
  @ApiProblemResponses(502, 503)
  getConsumption(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<ConsumptionView> {
    return this.strategy.get<ConsumptionView>(`/v1/finance/consumption/${encodeURIComponent(id)}`, origin);
  }

  @Get('consumption')
  @RequirePolicy('finance.read')
  @ApiOperation({ summary: 'List consumption records', description: 'Of one service and/or business unit or all, of months in `period` or ever; by month, one page at a time.' })
  @ApiPageResponse(ConsumptionView)
  @ApiProblemResponses(400, 502, 503)
  listConsumption(@Query() query: ListConsumptionQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<ConsumptionView>> {
    return this.strategy.get<Page<ConsumptionView>>('/v1/finance/consumption', origin, query);
  }

  @Get('reports/budget-vs-actual')
  @RequirePolicy('finance.read')
  @ApiOperation({
    summary: 'Budget versus actual per service for a fiscal period',
    description: 'Budgets count with their exact prorated share of the period. Lists every catalogue service and every other service with a budget or an actual in the period. 400 naming period when it is missing or malformed.',
  })
  @ApiViewResponse(200, BudgetVsActualReportView)
  @ApiProblemResponses(422, 502, 503)
  budgetVsActual(@Query() query: FinanceReportQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<BudgetVsActualReportView> {
    return this.strategy.get<BudgetVsActualReportView>('/v1/finance/reports/budget-vs-actual', origin, query);
  }

  @Get('reports/chargeback')
  @RequirePolicy('finance.read')
  @ApiOperation({
    summary: 'Chargeback per business unit for a fiscal period',
    description: 'Standard costing: units consumed × per-unit rates, plus each fixed cost for the period shared by units (largest remainder, exact). Fixed cost of a service nobody consumed is unallocated. 400 naming period when it is missing or malformed.',
  })
  @ApiViewResponse(200, ChargebackReportView)
  @ApiProblemResponses(422, 502, 503)
  chargeback(@Query() query: FinanceReportQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<ChargebackReportView> {
    return this.strategy.get<ChargebackReportView>('/v1/finance/reports/chargeback', origin, query);
  }
}
