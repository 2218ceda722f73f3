import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../http/page.query';
import { NonEmptyText } from '../../validation/non-empty-text';
import { CHANGE_STATES, CHANGE_TYPES, ChangeState, ChangeType } from '../messages/change-vocabulary';

/** Query of GET /api/v1/changes, newest first (cursor: the id, UUIDv7). */
export class ListChangesQuery extends PageQuery {
  @IsOptional()
  @IsIn(CHANGE_STATES)
  state?: ChangeState;

  @IsOptional()
  @IsIn(CHANGE_TYPES)
  type?: ChangeType;

  /** Only changes naming this configuration item. */
  @IsOptional()
  @NonEmptyText(100)
  itemId?: string;
}
