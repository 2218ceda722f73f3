import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';
import { ChangeConflictV1, ChangeFieldsV1, TimeWindowV1 } from '../messages/change-fields.v1';
import { CHANGE_STATES, ChangeState } from '../messages/change-vocabulary';

/** A change request as the API shows it. */
export class ChangeView extends VersionedView(ChangeFieldsV1) {
  @RecordIdProperty()
  id!: string;
}

/** The conflicts of a change's planned window, as they are now (GET /api/v1/changes/:id/conflicts). */
export class ChangeConflictsView {
  @RecordIdProperty()
  changeId!: string;

  @IsIn(CHANGE_STATES)
  state!: ChangeState;

  /** Absent: the change has no planned window yet, so nothing to check. */
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeWindowV1)
  plannedWindow?: TimeWindowV1;

  @ValidateNested({ each: true })
  @Type(() => ChangeConflictV1)
  conflicts!: ChangeConflictV1[];
}
