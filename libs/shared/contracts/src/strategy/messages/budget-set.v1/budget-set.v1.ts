import { IsInt, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { MoneyAmount } from '../money-amount';
import { BUDGET_ID_PATTERN, CURRENCY_PATTERN, FISCAL_PERIOD_PATTERN } from '../financials-fields.v1';

/** Event: a service's budget for a fiscal period was set or revised. */
export class BudgetSetV1 {
  /** `<serviceId>:<period>`, the budget's id. */
  @Matches(BUDGET_ID_PATTERN)
  budgetId!: string;

  @Matches(UUID_PATTERN)
  serviceId!: string;

  @Matches(FISCAL_PERIOD_PATTERN)
  period!: string;

  @MoneyAmount()
  amount!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @Matches(CURRENCY_PATTERN)
  currency!: string;
}

export const BUDGET_SET_V1 = defineMessage({
  type: 'itsm.strategy.budget.set.v1',
  kind: 'event',
  recordType: 'budget',
  payload: BudgetSetV1,
  summary: "A service's budget for a fiscal year, quarter or month was set or revised; carries the amount, period and version.",
});
