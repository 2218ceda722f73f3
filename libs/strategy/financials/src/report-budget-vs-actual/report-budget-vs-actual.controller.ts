import { BudgetVsActualReportView, FinanceReportQuery } from '@itsm/contracts/strategy';
import { Controller, Get, Query } from '@nestjs/common';
import { ReportBudgetVsActual } from './report-budget-vs-actual.use-case';

/** The strategy service's budget-vs-actual report, called by the gateway; a missing or malformed period is a 400 naming `period`. */
@Controller('v1/finance/reports')
export class ReportBudgetVsActualController {
  constructor(private readonly budgetVsActual: ReportBudgetVsActual) {}

  @Get('budget-vs-actual')
  budgetVsActualReport(@Query() { period }: FinanceReportQuery): Promise<BudgetVsActualReportView> {
    return this.budgetVsActual.report(period);
  }
}
