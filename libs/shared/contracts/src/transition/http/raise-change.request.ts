import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { ChangePlansV1, MAX_CHANGE_ITEMS, TimeWindowV1 } from '../messages/change-fields.v1';
import { CHANGE_TYPES, ChangeType } from '../messages/change-vocabulary';

/**
 * Body of POST /api/v1/changes: a change request in New, the caller its requester. A standard change
 * names an active template (`templateId`), which supplies the plans and items not given.
 */
export class RaiseChangeRequest {
  @IsIn(CHANGE_TYPES)
  type!: ChangeType;

  @NonEmptyText(200)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  /** The assignment group that implements the change (operation's group id); its manager approves it at low risk. */
  @NonEmptyText(100)
  changeGroupId!: string;

  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'templateId must be the id of a change template' })
  templateId?: string;

  /** Affected configuration items (CMDB ids). */
  @IsOptional()
  @ArrayMaxSize(MAX_CHANGE_ITEMS)
  @ArrayUnique()
  @IsString({ each: true })
  itemIds?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => ChangePlansV1)
  plans?: ChangePlansV1;

  @IsOptional()
  @ValidateNested()
  @Type(() => TimeWindowV1)
  plannedWindow?: TimeWindowV1;
}
