import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { MaintenanceWindowV1 } from '../../design/messages/service-definition-fields.v1';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { ChangePlansV1, DecisionRuleV1, MAX_CHANGE_ITEMS, TimeWindowV1 } from './change-fields.v1';
import { CHANGE_BOARDS, ChangeBoardKind, ITEM_ID_PATTERN } from './change-vocabulary';

/** A pre-authorised template of standard changes (v1 of its shape): the plans and items every change from it starts with. */
export class ChangeTemplateFieldsV1 {
  @NonEmptyText(200)
  name!: string;

  @IsString()
  @MaxLength(5_000)
  description!: string;

  @ValidateNested()
  @Type(() => ChangePlansV1)
  plans!: ChangePlansV1;

  @ArrayMaxSize(MAX_CHANGE_ITEMS)
  @ArrayUnique()
  @Matches(ITEM_ID_PATTERN, { each: true, message: 'each of itemIds must be a configuration item id (letters, digits, - and _)' })
  itemIds!: string[];

  /** Only an active template raises changes. */
  @IsIn([true, false])
  active!: boolean;
}

export class ChangeTemplateV1 extends ChangeTemplateFieldsV1 {
  @Matches(UUID_PATTERN)
  templateId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

/** A change advisory board as configured (v1): its members (user ids) and its decision rule. */
export class ChangeBoardFieldsV1 {
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  memberIds!: string[];

  @ValidateNested()
  @Type(() => DecisionRuleV1)
  rule!: DecisionRuleV1;
}

export class ChangeBoardV1 extends ChangeBoardFieldsV1 {
  @IsIn(CHANGE_BOARDS)
  board!: ChangeBoardKind;

  @IsInt()
  @Min(1)
  version!: number;
}

/** A freeze (blackout) window (v1): no change may run in it on `itemIds`, or on any item when empty. */
export class FreezeWindowFieldsV1 {
  @NonEmptyText(200)
  name!: string;

  @IsString()
  @MaxLength(2_000)
  reason!: string;

  @ValidateNested()
  @Type(() => TimeWindowV1)
  window!: TimeWindowV1;

  @ArrayMaxSize(MAX_CHANGE_ITEMS)
  @ArrayUnique()
  @Matches(ITEM_ID_PATTERN, { each: true, message: 'each of itemIds must be a configuration item id (letters, digits, - and _)' })
  itemIds!: string[];
}

export class FreezeWindowV1 extends FreezeWindowFieldsV1 {
  @Matches(UUID_PATTERN)
  freezeId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

/**
 * An item's maintenance windows (v1): weekly windows in which planned work may take it down, in design's
 * shape. `source` says who keeps them: set through the API (`api`) or copied from design's availability
 * target of the service the item is (`design`).
 */
export class ItemMaintenanceFieldsV1 {
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MaintenanceWindowV1)
  windows!: MaintenanceWindowV1[];

  @IsIn(['api', 'design'])
  source!: 'api' | 'design';

  /** The service whose availability target set them (`source` design); they apply to its item in the CMDB. */
  @IsOptional()
  @Matches(UUID_PATTERN)
  serviceId?: string;
}

export class ItemMaintenanceV1 extends ItemMaintenanceFieldsV1 {
  /** The item's id, or the service's for windows design set. */
  @Matches(ITEM_ID_PATTERN)
  itemId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}
