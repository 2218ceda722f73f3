import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsInt, IsOptional, Matches, Min, ValidateNested } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import {
  ConsumptionFieldsV1,
  CostEntryFieldsV1,
  CostItemV1,
  FISCAL_PERIOD_PATTERN,
  PERIOD_MESSAGE,
} from '../messages/financials-fields.v1';
import { MONEY_MESSAGE, NON_NEGATIVE_MONEY_AMOUNT_PATTERN } from '../messages/amounts-and-periods';

/** Body of PUT /api/v1/finance/cost-models/:serviceId: without expectedVersion it defines the model (409 if one exists), with it it revises. */
export class SetCostModelRequest {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CostItemV1)
  items!: CostItemV1[];

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** Body of PUT /api/v1/finance/budgets/:serviceId/:period: without expectedVersion it sets a new budget (409 if one exists), with it it revises. */
export class SetBudgetRequest {
  @Matches(NON_NEGATIVE_MONEY_AMOUNT_PATTERN, { message: `amount ${MONEY_MESSAGE}, not negative` })
  amount!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** Body of POST /api/v1/finance/costs: one entry of the append-only cost ledger. */
export class RecordCostRequest extends CostEntryFieldsV1 {}

/** Body of POST /api/v1/finance/consumption: a business unit's units of a service in a month. */
export class RecordConsumptionRequest extends ConsumptionFieldsV1 {}

/** Filters of the finance lists: one service, and/or what counts in one fiscal period. */
export class FinanceListQuery {
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'serviceId must be the id of a portfolio service' })
  serviceId?: string;

  @IsOptional()
  @Matches(FISCAL_PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period?: string;
}

/** Query of GET /api/v1/finance/consumption. */
export class ListConsumptionQuery extends FinanceListQuery {
  @IsOptional()
  @NonEmptyText(100)
  businessUnit?: string;
}

/** Query of the finance reports: the fiscal period reported on (required). */
export class FinanceReportQuery {
  @Matches(FISCAL_PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period!: string;
}

/** A service's cost model; its id is the service id. */
export type CostModelView = { id: string; serviceId: string; version: number; items: CostItemV1[]; createdAt: string; updatedAt: string };

/** A service's budget for one fiscal period; its id is `<serviceId>:<period>`. */
export type BudgetView = { id: string; serviceId: string; period: string; amount: string; version: number; createdAt: string; updatedAt: string };

/** An entry of the cost ledger, as recorded; never changed. */
export type CostEntryView = CostEntryFieldsV1 & { id: string; recordedBy?: string; recordedAt: string };

/** A consumption record, as recorded; never changed. */
export type ConsumptionView = ConsumptionFieldsV1 & { id: string; recordedBy?: string; recordedAt: string };

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

export interface ChargebackLineView {
  serviceId: string;
  serviceName: string;
  units: number;
  /** The unit of the service's per-unit items, if it has any. */
  unit?: string;
  usage: string;
  fixedShare: string;
  total: string;
}

export interface ChargebackReportView {
  period: string;
  currency: string;
  /** By business unit; each pays its usage at standard rates plus a share of fixed costs by units. */
  businessUnits: Array<{ businessUnit: string; lines: ChargebackLineView[]; total: string }>;
  /** Fixed costs of services nobody consumed in the period. */
  unallocated: Array<{ serviceId: string; serviceName: string; fixed: string }>;
  /** charged + unallocated = usage + fixed. */
  totals: { usage: string; fixed: string; charged: string; unallocated: string };
}
