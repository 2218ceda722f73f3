/** Budget, actual and variance (actual − budget, positive = over budget) as decimal strings; the % is of the budget, null without one. */
export interface BudgetVsActualFiguresView {
  budget: string;
  actual: string;
  variance: string;
  variancePercent: number | null;
}

export interface BudgetVsActualReportView {
  period: string;
  currency: string;
  /** One row per service reported, by name. */
  rows: Array<BudgetVsActualFiguresView & { serviceId: string; name: string }>;
  totals: BudgetVsActualFiguresView;
}
