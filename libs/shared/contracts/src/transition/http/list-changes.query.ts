import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../../http/page.query';
import { CHANGE_STATES, CHANGE_TYPES, ChangeState, ChangeType, ITEM_ID_PATTERN } from '../messages/change-vocabulary';

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
  @Matches(ITEM_ID_PATTERN, { message: 'itemId must be a configuration item id (letters, digits, - and _)' })
  itemId?: string;
}
