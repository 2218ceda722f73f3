import { ChargebackReportView } from '@itsm/contracts/strategy';
import { CostModel, chargeback, domainCostItem, exactly, formatMoney, requirePeriod, unitOf } from '@itsm/strategy/finance-domain';
import { Inject, Injectable } from '@nestjs/common';
import { ConsumptionRepository } from '../persistence/consumption.repository';
import { CostModelRepository } from '../persistence/cost-model.repository';
import { FINANCIALS_OPTIONS, FinancialsOptions } from '../financials.options';
import { PortfolioLookup } from '../persistence/portfolio.lookup';

/**
 * Chargeback of services to business units over a fiscal period (standard
 * costing): the cost models of catalogue services and of services consumed in
 * the period, and the period's consumption. The arithmetic is the finance domain's.
 */
@Injectable()
export class ReportChargeback {
  constructor(
    private readonly models: CostModelRepository,
    private readonly consumption: ConsumptionRepository,
    private readonly portfolio: PortfolioLookup,
    @Inject(FINANCIALS_OPTIONS) private readonly options: FinancialsOptions,
  ) {}

  async report(period: string): Promise<ChargebackReportView> {
    const range = requirePeriod(period);
    const [models, records] = await Promise.all([this.models.all(), this.consumption.consumedIn(range)]);
    const names = new Map((await this.portfolio.reported(records.map((record) => record.serviceId))).map((service) => [service.serviceId, service.name]));
    const reported = models.filter((model) => names.has(model.serviceId));
    const units = new Map(reported.map((model) => [model.serviceId, unitOf(model.items)]));
    const report = exactly(() =>
      chargeback({
        period: range,
        costModels: reported.map((model): CostModel => ({ serviceId: model.serviceId, name: names.get(model.serviceId) ?? model.serviceId, items: model.items.map(domainCostItem) })),
        consumption: records.map(({ serviceId, businessUnit, monthIndex, units: count }) => ({ serviceId, businessUnit, month: monthIndex, units: count })),
      }),
    );
    return {
      period,
      currency: this.options.currency,
      businessUnits: report.businessUnits.map(({ businessUnit, lines, totalCents }) => ({
        businessUnit,
        lines: lines.map(({ serviceId, serviceName, units: count, usageCents, fixedShareCents, totalCents: lineTotal }) => {
          const unit = units.get(serviceId);
          return {
            serviceId,
            serviceName,
            units: count,
            ...(unit === undefined ? {} : { unit }),
            usage: formatMoney(usageCents),
            fixedShare: formatMoney(fixedShareCents),
            total: formatMoney(lineTotal),
          };
        }),
        total: formatMoney(totalCents),
      })),
      unallocated: report.unallocated.map(({ serviceId, serviceName, fixedCents }) => ({ serviceId, serviceName, fixed: formatMoney(fixedCents) })),
      totals: {
        usage: formatMoney(report.totals.usageCents),
        fixed: formatMoney(report.totals.fixedCents),
        charged: formatMoney(report.totals.chargedCents),
        unallocated: formatMoney(report.totals.unallocatedCents),
      },
    };
  }
}
