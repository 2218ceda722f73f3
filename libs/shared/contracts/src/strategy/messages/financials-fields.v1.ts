import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { DATE_ONLY_PATTERN, PERIOD_UNITS, PeriodUnit } from './amounts-and-periods';
import { MoneyAmount } from './money-amount';

/** What a cost is spent on (ITIL financial management cost types). */
export const COST_CATEGORIES = ['hardware', 'software', 'labour', 'facilities', 'external_services', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** A cost model line is a fixed recurring amount or a rate per unit consumed. */
export const COST_ITEM_KINDS = ['fixed', 'per_unit'] as const;
export type CostItemKind = (typeof COST_ITEM_KINDS)[number];

/** A fiscal period: `YYYY` (year), `YYYY-Qn` (quarter) or `YYYY-MM` (month); the fiscal year is the calendar year. */
export const FISCAL_PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** A calendar month, `YYYY-MM`. */
export const FISCAL_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A budget's id, `<serviceId>:<period>`: one budget per service and fiscal period. */
export const BUDGET_ID_PATTERN = new RegExp(`^${UUID_PATTERN.source.slice(1, -1)}:${FISCAL_PERIOD_PATTERN.source.slice(1)}`);

/** An ISO 4217 currency code, e.g. EUR. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export const PERIOD_MESSAGE = 'period must be a fiscal year (2026), quarter (2026-Q1) or month (2026-01)';

/** Largest unit count of one consumption record; keeps every product with a rate exact. */
export const MAX_CONSUMED_UNITS = 1_000_000_000;

/**
 * One line of a service's cost model. A `fixed` item has `amount` and `per`;
 * a `per_unit` item has `rate` and `unit`. The strategy service refuses the
 * other combinations, naming the field.
 */
export class CostItemV1 {
  @NonEmptyText(200)
  name!: string;

  @IsIn(COST_CATEGORIES)
  category!: CostCategory;

  @IsIn(COST_ITEM_KINDS)
  kind!: CostItemKind;

  /** The fixed amount due once `per` month, quarter or year (fixed items only). */
  @IsOptional()
  @MoneyAmount()
  amount?: string;

  @IsOptional()
  @IsIn(PERIOD_UNITS)
  per?: PeriodUnit;

  /** The standard rate per unit consumed (per_unit items only). */
  @IsOptional()
  @MoneyAmount()
  rate?: string;

  /** What is counted, e.g. 'mailbox' or 'ticket' (per_unit items only; one unit per model). */
  @IsOptional()
  @NonEmptyText(50)
  unit?: string;
}

/** An actual cost incurred by a service (v1 of its shape); corrections are negative entries. */
export class CostEntryFieldsV1 {
  @Matches(UUID_PATTERN, { message: 'serviceId must be the id of a portfolio service' })
  serviceId!: string;

  @IsIn(COST_CATEGORIES)
  category!: CostCategory;

  @MoneyAmount({ signed: true })
  amount!: string;

  /** The day the cost was incurred (YYYY-MM-DD); it counts in that month. */
  @Matches(DATE_ONLY_PATTERN, { message: 'incurredOn must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'incurredOn must be a real calendar date' })
  incurredOn!: string;

  @NonEmptyText(500)
  description!: string;

  /** Invoice, purchase order or journal reference. */
  @IsOptional()
  @NonEmptyText(100)
  reference?: string;
}

/** Units of a service a business unit consumed in a month (v1 of its shape), in the unit of the service's cost model. */
export class ConsumptionFieldsV1 {
  @Matches(UUID_PATTERN, { message: 'serviceId must be the id of a portfolio service' })
  serviceId!: string;

  @NonEmptyText(100)
  businessUnit!: string;

  @Matches(FISCAL_MONTH_PATTERN, { message: 'month must be a month, YYYY-MM' })
  month!: string;

  @IsInt()
  @Min(1)
  @Max(MAX_CONSUMED_UNITS)
  units!: number;

  /** Where the count comes from, e.g. a metering run. */
  @IsOptional()
  @NonEmptyText(100)
  reference?: string;
}
