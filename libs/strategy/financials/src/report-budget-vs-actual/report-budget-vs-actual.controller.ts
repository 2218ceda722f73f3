import { BudgetVsActualReportView, ChargebackReportView, FinanceReportQuery } from '@itsm/contracts/strategy';
import { Controller, Get, Query } from '@nestjs/common';
import { ReportBudgetVsActual } from './report-budget-vs-actual.use-case';
import { ReportChargeback } from '../report-chargeback/report-chargeback.use-case';

/** The strategy service's finance reports, called by the gateway; a missing or malformed period is a 400 naming `period`. */
@Controller('v1/finance/reports')
export class FinanceReportsController {
  constructor(
    private readonly budgetVsActual: ReportBudgetVsActual,
    private readonly chargeback: ReportChargeback,
  ) {}

  @Get('budget-vs-actual')
  budgetVsActualReport(@Query() { period }: FinanceReportQuery): Promise<BudgetVsActualReportView> {
    return this.budgetVsActual.report(period);
  }

  @Get('chargeback')
  chargebackReport(@Query() { period }: FinanceReportQuery): Promise<ChargebackReportView> {
    return this.chargeback.report(period);
  }
}
