import { IsIn, IsOptional, Matches } from 'class-validator';
import { ByNamePageQuery } from '../../http/page.query';
import { CI_LIFECYCLE_STATES, CMDB_KEY_PATTERN, CiLifecycleState } from '../messages/cmdb-fields.v1';

/** Query of GET /api/v1/cmdb/items, by name. */
export class ListConfigurationItemsQuery extends ByNamePageQuery {
  @IsOptional()
  @Matches(CMDB_KEY_PATTERN)
  classKey?: string;

  @IsOptional()
  @IsIn(CI_LIFECYCLE_STATES)
  lifecycleState?: CiLifecycleState;
}
