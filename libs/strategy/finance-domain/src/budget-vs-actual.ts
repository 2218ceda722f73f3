import { includesMonth, MonthRange } from './fiscal-period';
import { addCents } from './money';
import { percentOf } from './percentage';
import { prorate } from './proration';
import { compareText } from './text-order';

export interface BudgetVsActualInput {
  /** The report period. */
  period: MonthRange;
  /** The services to report on; each becomes one row. */
  services: ReadonlyArray<{ serviceId: string; name: string }>;
  /** Budgets over any period; each counts with its share of the report period. */
  budgets: ReadonlyArray<{ serviceId: string; period: MonthRange; amountCents: number }>;
  /** Costs incurred, by the month index of their date; negative entries are corrections. */
  actuals: ReadonlyArray<{ serviceId: string; month: number; amountCents: number }>;
}

/** Budget, actual and variance in cents; variance is actual − budget (positive = over budget). */
export interface BudgetVsActualFigures {
  budgetCents: number;
  actualCents: number;
  varianceCents: number;
  /** Variance as % of budget, 2 decimals, half away from zero; `null` when the budget is 0. */
  variancePercent: number | null;
}

export interface BudgetVsActualRow extends BudgetVsActualFigures {
  serviceId: string;
  name: string;
}

export interface BudgetVsActualReport {
  /** One row per service, sorted by name then id (code-unit order). */
  rows: BudgetVsActualRow[];
  /** Sums of the rows; the percentage is computed from the summed figures. */
  totals: BudgetVsActualFigures;
}

/**
 * Budget versus actual per service over a period. A budget counts with the
 * exact prorated share of its own period that falls in the report period, so
 * an annual budget contributes its quarter's share to a quarter report and a
 * monthly budget outside the period contributes 0. Figures for services not
 * listed are ignored: the caller lists every service it wants reported.
 */
export function budgetVsActual(input: BudgetVsActualInput): BudgetVsActualReport {
  const sums = [...input.services]
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.serviceId, b.serviceId))
    .map(({ serviceId, name }) => ({ serviceId, name, budgetCents: 0, actualCents: 0 }));
  const byId = new Map<string, (typeof sums)[number]>();
  for (const sum of sums) {
    // A service listed twice would silently double every total.
    if (byId.has(sum.serviceId)) throw new RangeError(`service "${sum.serviceId}" is listed twice`);
    byId.set(sum.serviceId, sum);
  }
  for (const budget of input.budgets) {
    const sum = byId.get(budget.serviceId);
    if (sum) sum.budgetCents = addCents(sum.budgetCents, prorate(budget.amountCents, budget.period, input.period));
  }
  for (const actual of input.actuals) {
    const sum = byId.get(actual.serviceId);
    if (sum && includesMonth(input.period, actual.month)) {
      sum.actualCents = addCents(sum.actualCents, actual.amountCents);
    }
  }

  const rows = sums.map(({ serviceId, name, budgetCents, actualCents }): BudgetVsActualRow => ({
    serviceId,
    name,
    ...withVariance(budgetCents, actualCents),
  }));
  const totals = withVariance(
    rows.reduce((total, row) => addCents(total, row.budgetCents), 0),
    rows.reduce((total, row) => addCents(total, row.actualCents), 0),
  );
  return { rows, totals };
}

function withVariance(budgetCents: number, actualCents: number): BudgetVsActualFigures {
  const varianceCents = addCents(actualCents, -budgetCents);
  return { budgetCents, actualCents, varianceCents, variancePercent: percentOf(varianceCents, budgetCents) };
}
