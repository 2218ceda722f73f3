import { IsOptional, Matches } from 'class-validator';
import { BY_ORDER_CURSOR, CursorShape } from '../../http/page-cursor';
import { PageQuery } from '../../http/page.query';
import { UUID_PATTERN } from '../../ids/uuid-v7';

/** Query of GET /api/v1/routing-rules, in the order they are tried (by `order`, then id). */
export class ListRoutingRulesQuery extends PageQuery {
  static override readonly cursorShape: CursorShape = BY_ORDER_CURSOR;

  /** Only the rules that choose this assignment group. */
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'groupId must be the id of an assignment group' })
  groupId?: string;
}
