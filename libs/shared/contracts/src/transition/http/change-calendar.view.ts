import { Type } from 'class-transformer';
import { IsIn, IsISO8601, ValidateNested } from 'class-validator';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';
import { ChangeBoardFieldsV1, ChangeTemplateFieldsV1, FreezeWindowFieldsV1, ItemMaintenanceFieldsV1 } from '../messages/change-calendar-fields.v1';
import { ChangeView } from './change.view';
import { CHANGE_BOARDS, ChangeBoardKind } from '../messages/change-vocabulary';
import { NonEmptyText } from '../../validation/non-empty-text';

/** A standard-change template as the API shows it. */
export class ChangeTemplateView extends VersionedView(ChangeTemplateFieldsV1) {
  @RecordIdProperty()
  id!: string;
}

/** The CAB or the emergency CAB as configured. */
export class ChangeBoardView extends VersionedView(ChangeBoardFieldsV1) {
  @IsIn(CHANGE_BOARDS)
  id!: ChangeBoardKind;
}

/** A freeze window as the API shows it. */
export class FreezeWindowView extends VersionedView(FreezeWindowFieldsV1) {
  @RecordIdProperty()
  id!: string;
}

/** An item's maintenance windows as the API shows them (`id` is the item's). */
export class ItemMaintenanceView extends VersionedView(ItemMaintenanceFieldsV1) {
  @NonEmptyText(100)
  id!: string;
}

/** The change calendar of a period (GET /api/v1/change-calendar): the changes with a window in it and the freezes overlapping it. */
export class ChangeCalendarView {
  @IsISO8601({ strict: true })
  from!: string;

  @IsISO8601({ strict: true })
  to!: string;

  /** Changes whose planned window overlaps the period (cancelled ones left out), by start. */
  @ValidateNested({ each: true })
  @Type(() => ChangeView)
  changes!: ChangeView[];

  /** Freezes overlapping the period, by start. */
  @ValidateNested({ each: true })
  @Type(() => FreezeWindowView)
  freezes!: FreezeWindowView[];
}
