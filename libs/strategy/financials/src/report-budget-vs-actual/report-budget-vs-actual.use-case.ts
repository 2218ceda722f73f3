import { BudgetVsActualFiguresView, BudgetVsActualReportView } from '@itsm/contracts/strategy';
import { BudgetVsActualFigures, budgetVsActual, exactly, formatMoney, requirePeriod, storedCents } from '@itsm/strategy/finance-domain';
import { Inject, Injectable } from '@nestjs/common';
import { BudgetRepository } from '../persistence/budget.repository';
import { CostEntryRepository } from '../persistence/cost-entry.repository';
import { FINANCIALS_OPTIONS, FinancialsOptions } from '../financials.options';
import { PortfolioLookup } from '../persistence/portfolio.lookup';

/**
 * Budget versus actual per service over a fiscal period: every catalogue
 * service, and every other service with a budget or an actual in the period.
 * The arithmetic (proration, exact cents, percentages) is the finance domain's.
 */
@Injectable()
export class ReportBudgetVsActual {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly costs: CostEntryRepository,
    private readonly portfolio: PortfolioLookup,
    @Inject(FINANCIALS_OPTIONS) private readonly options: FinancialsOptions,
  ) {}

  async report(period: string): Promise<BudgetVsActualReportView> {
    const range = requirePeriod(period);
    const [budgets, costs] = await Promise.all([this.budgets.overlapping(range), this.costs.incurredIn(range)]);
    const services = await this.portfolio.reported([...budgets, ...costs].map((record) => record.serviceId));
    const report = exactly(() =>
      budgetVsActual({
        period: range,
        services,
        budgets: budgets.map((budget) => ({
          serviceId: budget.serviceId,
          period: { firstMonth: budget.firstMonth, months: budget.endMonth - budget.firstMonth },
          amountCents: storedCents(budget.amount),
        })),
        actuals: costs.map((entry) => ({ serviceId: entry.serviceId, month: entry.monthIndex, amountCents: storedCents(entry.amount) })),
      }),
    );
    return {
      period,
      currency: this.options.currency,
      rows: report.rows.map(({ serviceId, name, ...figures }) => ({ serviceId, name, ...figuresView(figures) })),
      totals: figuresView(report.totals),
    };
  }
}

function figuresView({ budgetCents, actualCents, varianceCents, variancePercent }: BudgetVsActualFigures): BudgetVsActualFiguresView {
  return { budget: formatMoney(budgetCents), actual: formatMoney(actualCents), variance: formatMoney(varianceCents), variancePercent };
}
