import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, Matches, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { ITEM_ID_PATTERN } from '../change-vocabulary';
import { TimeWindowV1 } from '../change-fields.v1';
import { ConflictCauseV1 } from '../change-conflicts-changed.v1/change-conflicts-changed.v1';

/** Most item ids of one recheck's scope: a change's items with their parents and children. */
export const RECHECK_MAX_ITEMS = 10_000;

/**
 * Command, internal to the transition service: check again the conflicts of the changes on the calendar
 * in a scope (naming one of `itemIds`, any when absent; overlapping `window`, any when absent; or whose
 * conflicts name `partyId`) whose id
 * comes after `afterChangeId`, for `cause`. The service sends it to its own event queue (through the
 * default exchange) to go on with a fact that touches more changes than one message handles.
 */
export class RecheckChangeConflictsV1 {
  @ValidateNested()
  @Type(() => ConflictCauseV1)
  cause!: ConflictCauseV1;

  @IsOptional()
  @ArrayMaxSize(RECHECK_MAX_ITEMS)
  @Matches(ITEM_ID_PATTERN, { each: true })
  itemIds?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => TimeWindowV1)
  window?: TimeWindowV1;

  /** And the changes whose recorded conflicts name this change or freeze. */
  @IsOptional()
  @Matches(UUID_PATTERN)
  partyId?: string;

  @Matches(UUID_PATTERN)
  afterChangeId!: string;
}

export const RECHECK_CHANGE_CONFLICTS_V1 = defineMessage({
  type: 'itsm.transition.change-conflicts.recheck.v1',
  kind: 'command',
  recordType: 'change',
  payload: RecheckChangeConflictsV1,
  summary: "Transition's own: go on checking the conflicts of the changes a fact touches, after the last change checked (a fact is handled a page of changes per message).",
});
