import { Type } from 'class-transformer';
import { ArrayMaxSize, ValidateNested } from 'class-validator';
import { MaintenanceWindowV1 } from '../../design/messages/service-definition-fields.v1';
import { ExpectedVersion } from '../../http/expected-version';
import { ChangeBoardFieldsV1, FreezeWindowFieldsV1 } from '../messages/change-calendar-fields.v1';

/** Body of PUT /api/v1/change-boards/:board (cab, ecab): its members and decision rule; `expectedVersion` once it exists. */
export class ConfigureChangeBoardRequest extends ChangeBoardFieldsV1 {
  @ExpectedVersion({ optional: true })
  expectedVersion?: number;
}

/** Body of POST /api/v1/change-calendar/freezes. */
export class DefineFreezeWindowRequest extends FreezeWindowFieldsV1 {}

/** Body of PUT /api/v1/change-calendar/freezes/:id. */
export class ReviseFreezeWindowRequest extends FreezeWindowFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}

/** Body of PUT /api/v1/change-calendar/maintenance-windows/:itemId: the item's weekly windows (empty: no constraint). */
export class SetMaintenanceWindowsRequest {
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MaintenanceWindowV1)
  windows!: MaintenanceWindowV1[];

  @ExpectedVersion({ optional: true })
  expectedVersion?: number;
}
