import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { ChangePlanningV1 } from '../messages/change-fields.v1';
import { CHANGE_TYPES, ChangeType } from '../messages/change-vocabulary';

/**
 * Body of POST /api/v1/changes: a change request in New, the caller its requester. A standard change
 * names an active template (`templateId`), which supplies the plans and items not given.
 */
export class RaiseChangeRequest extends ChangePlanningV1 {
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
}
