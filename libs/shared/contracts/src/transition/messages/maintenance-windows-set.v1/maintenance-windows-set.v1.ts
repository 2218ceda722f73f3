import { defineMessage } from '../../../messages/message-definition';
import { ItemMaintenanceV1 } from '../change-calendar-fields.v1';

export const MAINTENANCE_WINDOWS_SET_V1 = defineMessage({
  type: 'itsm.transition.maintenance-windows.set.v1',
  kind: 'event',
  recordType: 'maintenance-window',
  payload: ItemMaintenanceV1,
  summary: "An item's maintenance windows were set, through the API or from design's availability target.",
});
