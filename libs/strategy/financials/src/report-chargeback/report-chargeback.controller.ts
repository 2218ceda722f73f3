import { ChargebackReportView, FinanceReportQuery } from '@itsm/contracts/strategy';
import { Controller, Get, Query } from '@nestjs/common';
import { ReportChargeback } from './report-chargeback.use-case';

/** The strategy service's chargeback report, called by the gateway; a missing or malformed period is a 400 naming `period`. */
@Controller('v1/finance/reports')
export class ReportChargebackController {
  constructor(private readonly chargeback: ReportChargeback) {}

  @Get('chargeback')
  chargebackReport(@Query() { period }: FinanceReportQuery): Promise<ChargebackReportView> {
    return this.chargeback.report(period);
  }
}
