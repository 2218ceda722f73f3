import { IsOptional } from 'class-validator';
import { ByNamePageQuery } from '../../http/page.query';
import { NonEmptyText } from '../../validation/non-empty-text';
import { INCIDENT_LIMITS } from '../messages/incident-vocabulary';

/** Query of GET /api/v1/assignment-groups, by name. */
export class ListAssignmentGroupsQuery extends ByNamePageQuery {
  /** Only the groups this user is a member of. */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  memberId?: string;
}
