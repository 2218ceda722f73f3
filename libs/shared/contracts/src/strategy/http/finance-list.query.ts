import { IsOptional, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { FISCAL_PERIOD_PATTERN, PERIOD_MESSAGE } from '../messages/financials-fields.v1';
import { PageQuery } from '../../http/page.query';

/** Filters of the finance lists: one service, and/or what counts in one fiscal period; each list names its own order's cursor. */
export class FinanceListQuery extends PageQuery {
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'serviceId must be the id of a portfolio service' })
  serviceId?: string;

  @IsOptional()
  @Matches(FISCAL_PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period?: string;
}
