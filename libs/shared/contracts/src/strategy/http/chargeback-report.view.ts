import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { RecordIdProperty } from '../../http/view-properties';
import { FinanceReportView } from './finance-report.view';
import { MoneyProperty } from './money.view-property';

/** What one business unit is charged for one service. */
export class ChargebackLineView {
  @RecordIdProperty()
  serviceId!: string;

  @IsString()
  @IsNotEmpty()
  serviceName!: string;

  @IsInt()
  @Min(1)
  units!: number;

  /** The unit of the service's per-unit items, if it has any. */
  @IsOptional()
  @IsString()
  unit?: string;

  /** Units × the sum of the per-unit rates. */
  @MoneyProperty()
  usage!: string;

  /** Share of the service's fixed cost for the period, by units (largest remainder). */
  @MoneyProperty()
  fixedShare!: string;

  @MoneyProperty()
  total!: string;
}

/** A business unit pays its usage at standard rates plus a share of fixed costs by units. */
export class ChargebackBusinessUnitView {
  @IsString()
  @IsNotEmpty()
  businessUnit!: string;

  @ValidateNested({ each: true })
  @Type(() => ChargebackLineView)
  lines!: ChargebackLineView[];

  @MoneyProperty()
  total!: string;
}

/** The fixed cost of a service nobody consumed in the period. */
export class UnallocatedCostView {
  @RecordIdProperty()
  serviceId!: string;

  @IsString()
  @IsNotEmpty()
  serviceName!: string;

  @MoneyProperty()
  fixed!: string;
}

/** charged + unallocated = usage + fixed. */
export class ChargebackTotalsView {
  @MoneyProperty()
  usage!: string;

  @MoneyProperty()
  fixed!: string;

  @MoneyProperty()
  charged!: string;

  @MoneyProperty()
  unallocated!: string;
}

export class ChargebackReportView extends FinanceReportView {
  /** By business unit. */
  @ValidateNested({ each: true })
  @Type(() => ChargebackBusinessUnitView)
  businessUnits!: ChargebackBusinessUnitView[];

  /** Fixed costs of services nobody consumed in the period. */
  @ValidateNested({ each: true })
  @Type(() => UnallocatedCostView)
  unallocated!: UnallocatedCostView[];

  @ValidateNested()
  @Type(() => ChargebackTotalsView)
  totals!: ChargebackTotalsView;
}
