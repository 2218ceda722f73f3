import { BudgetView, SetBudgetRequest } from '@itsm/contracts/strategy';
import { Origin, RequestOrigin } from '@itsm/service-runtime';
import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { toBudgetView } from '../finance-query/finance-view.mapper';
import { SetBudget } from './set-budget.use-case';

/** The strategy service's budget writes, called by the gateway (reads: FinanceQueryController). */
@Controller('v1/finance/budgets')
export class SetBudgetController {
  constructor(private readonly budget: SetBudget) {}

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
}
