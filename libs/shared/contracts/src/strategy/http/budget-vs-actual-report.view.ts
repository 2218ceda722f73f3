import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, ValidateNested } from 'class-validator';
import { NullableProperty, RecordIdProperty } from '../../http/view-properties';
import { FinanceReportView } from './finance-report.view';
import { MoneyProperty } from './money.view-property';

/** Budget, actual and variance (actual − budget, positive = over budget); the % is of the budget, null without one. */
export class BudgetVsActualFiguresView {
  /** Budgets prorated to the period. */
  @MoneyProperty()
  budget!: string;

  /** Costs incurred in the period, corrections included. */
  @MoneyProperty()
  actual!: string;

  @MoneyProperty()
  variance!: string;

  /** Variance as % of budget, 2 decimals, half away from zero; null without a budget. */
  @NullableProperty({ type: 'number' })
  variancePercent!: number | null;
}

/** One service's figures. */
export class BudgetVsActualRowView extends BudgetVsActualFiguresView {
  @RecordIdProperty()
  serviceId!: string;

  @IsString()
  @IsNotEmpty()
  name!: string;
}

export class BudgetVsActualReportView extends FinanceReportView {
  /** Every catalogue service and every other service with a budget or an actual in the period, by name. */
  @ValidateNested({ each: true })
  @Type(() => BudgetVsActualRowView)
  rows!: BudgetVsActualRowView[];

  @ValidateNested()
  @Type(() => BudgetVsActualFiguresView)
  totals!: BudgetVsActualFiguresView;
}
