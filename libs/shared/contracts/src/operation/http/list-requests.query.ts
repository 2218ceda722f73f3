import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../http/page.query';
import { NonEmptyText } from '../../validation/non-empty-text';
import { REQUEST_LIMITS, REQUEST_STATES, RequestStateV1 } from '../messages/request-vocabulary';

/** Query string of GET /api/v1/requests, newest first (cursor: the id). */
export class ListRequestsQuery extends PageQuery {
  @IsOptional()
  @IsIn(REQUEST_STATES)
  state?: RequestStateV1;

  /** Only the requests of this requester; forced to the caller for who reads only their own requests. */
  @IsOptional()
  @NonEmptyText(REQUEST_LIMITS.referenceMaxLength)
  requesterId?: string;
}

/** Query string of GET /api/v1/approvals: the requests waiting for the caller's decision, newest first. */
export class ListApprovalsQuery extends PageQuery {}
