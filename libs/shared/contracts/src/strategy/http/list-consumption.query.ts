import { IsOptional } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { FinanceListQuery } from './finance-list.query';

/** Query of GET /api/v1/finance/consumption. */
export class ListConsumptionQuery extends FinanceListQuery {
  @IsOptional()
  @NonEmptyText(100)
  businessUnit?: string;
}
