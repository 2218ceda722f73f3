import { IsIn, IsOptional, Matches } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { DEMAND_STATES, DemandState } from '../messages/demand-fields.v1';
import { PageQuery } from '../../http/page.query';

/** Query of GET /api/v1/demands, newest first (cursor: the id, UUIDv7). */
export class ListDemandsQuery extends PageQuery {
  @IsOptional()
  @IsIn(DEMAND_STATES)
  state?: DemandState;

  @IsOptional()
  @NonEmptyText(100)
  businessUnit?: string;

  /** Only demands linked to this portfolio service. */
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'serviceId must be the id of a portfolio service' })
  serviceId?: string;
}
