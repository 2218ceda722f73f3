import { IsOptional } from 'class-validator';
import { CURSOR_KEYS, CursorShape } from '../../http/page-cursor';
import { NonEmptyText } from '../../validation/non-empty-text';
import { FinanceListQuery } from './finance-list.query';

/** Query of GET /api/v1/finance/consumption, by month, then id. */
export class ListConsumptionQuery extends FinanceListQuery {
  /** The month's index and the record id. */
  static override readonly cursorShape: CursorShape = [CURSOR_KEYS.integer, CURSOR_KEYS.uuid];

  @IsOptional()
  @NonEmptyText(100)
  businessUnit?: string;
}
