import { NotFoundError } from '@itsm/contracts';
import { BudgetView, FinanceListQuery, SetBudgetRequest } from '@itsm/contracts/strategy';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { parsePeriod } from '@itsm/strategy/finance-domain';
import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { BudgetRepository, budgetId } from '../persistence/budget.repository';
import { LIST_LIMIT } from '../persistence/ledger-month-filter';
import { toBudgetView } from '../finance-query/finance-view.mapper';
import { SetBudget } from './set-budget.use-case';

/** The strategy service's budget API, called by the gateway. */
@Controller('v1/finance/budgets')
export class BudgetsController {
  constructor(
    private readonly budget: SetBudget,
    private readonly budgets: BudgetRepository,
  ) {}

  /** 201 when it sets a new budget, 200 when it revises one. */
  @Put(':serviceId/:period')
  async set(
    @Param('serviceId') serviceId: string,
    @Param('period') period: string,
    @Body() request: SetBudgetRequest,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BudgetView> {
    const budget = await this.budget.set(serviceId, period, request, origin);
    void reply.status(budget.version === 1 ? 201 : 200);
    return toBudgetView(budget);
  }

  @Get(':serviceId/:period')
  async get(@Param('serviceId') serviceId: string, @Param('period') period: string): Promise<BudgetView> {
    const budget = parsePeriod(period) ? await this.budgets.findById(budgetId(recordId(serviceId, 'budget of service'), period)) : null;
    if (!budget) throw new NotFoundError('budget', `${serviceId}/${period}`, `service ${serviceId} has no budget for ${period}`);
    return toBudgetView(budget);
  }

  /** Budgets that count toward the period (share a month with it), by service then period start. */
  @Get()
  async list(@Query() { serviceId, period }: FinanceListQuery): Promise<{ items: BudgetView[] }> {
    const range = period === undefined ? undefined : parsePeriod(period);
    return { items: (await this.budgets.overlapping(range, serviceId, LIST_LIMIT)).map(toBudgetView) };
  }
}
