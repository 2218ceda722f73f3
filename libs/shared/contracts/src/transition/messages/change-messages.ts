import { MessageDefinition } from '../../messages/message-definition';
import { CHANGE_APPROVAL_REQUESTED_V1 } from './change-approval-requested.v1/change-approval-requested.v1';
import { CHANGE_APPROVED_V1 } from './change-approved.v1/change-approved.v1';
import { CHANGE_ASSESSED_V1 } from './change-assessed.v1/change-assessed.v1';
import { CHANGE_BOARD_CONFIGURED_V1 } from './change-board-configured.v1/change-board-configured.v1';
import { CHANGE_CANCELLED_V1 } from './change-cancelled.v1/change-cancelled.v1';
import { CHANGE_CLOSED_V1 } from './change-closed.v1/change-closed.v1';
import { CHANGE_CONFLICTS_CHANGED_V1 } from './change-conflicts-changed.v1/change-conflicts-changed.v1';
import { CHANGE_CONFLICTS_OVERRIDDEN_V1 } from './change-conflicts-overridden.v1/change-conflicts-overridden.v1';
import { CHANGE_IMPLEMENTATION_COMPLETED_V1 } from './change-implementation-completed.v1/change-implementation-completed.v1';
import { CHANGE_IMPLEMENTATION_STARTED_V1 } from './change-implementation-started.v1/change-implementation-started.v1';
import { CHANGE_RAISED_V1 } from './change-raised.v1/change-raised.v1';
import { CHANGE_REJECTED_V1 } from './change-rejected.v1/change-rejected.v1';
import { CHANGE_REPLANNED_V1 } from './change-replanned.v1/change-replanned.v1';
import { CHANGE_REVIEWED_V1 } from './change-reviewed.v1/change-reviewed.v1';
import { CHANGE_SCHEDULED_V1 } from './change-scheduled.v1/change-scheduled.v1';
import { CHANGE_SUBMITTED_V1 } from './change-submitted.v1/change-submitted.v1';
import { CHANGE_TEMPLATE_DEFINED_V1 } from './change-template-defined.v1/change-template-defined.v1';
import { CHANGE_TEMPLATE_REVISED_V1 } from './change-template-revised.v1/change-template-revised.v1';
import { CHANGE_VOTED_V1 } from './change-voted.v1/change-voted.v1';
import { FREEZE_WINDOW_DEFINED_V1 } from './freeze-window-defined.v1/freeze-window-defined.v1';
import { FREEZE_WINDOW_REVISED_V1 } from './freeze-window-revised.v1/freeze-window-revised.v1';
import { MAINTENANCE_WINDOWS_SET_V1 } from './maintenance-windows-set.v1/maintenance-windows-set.v1';
import { RECHECK_CHANGE_CONFLICTS_V1 } from './recheck-change-conflicts.v1/recheck-change-conflicts.v1';
import { RELEASE_CHANGED_V1 } from './release-changed.v1/release-changed.v1';
import { RELEASE_DEPLOYED_V1 } from './release-deployed.v1/release-deployed.v1';
import { RELEASE_PLANNED_V1 } from './release-planned.v1/release-planned.v1';
import { RELEASE_STAGE_CHANGED_V1 } from './release-stage-changed.v1/release-stage-changed.v1';

/** Every message of change enablement, the change calendar and releases, for the catalogue (in lifecycle order). */
export const CHANGE_MESSAGES: readonly MessageDefinition[] = [
  CHANGE_RAISED_V1,
  CHANGE_SUBMITTED_V1,
  CHANGE_ASSESSED_V1,
  CHANGE_APPROVAL_REQUESTED_V1,
  CHANGE_VOTED_V1,
  CHANGE_APPROVED_V1,
  CHANGE_REJECTED_V1,
  CHANGE_SCHEDULED_V1,
  CHANGE_REPLANNED_V1,
  CHANGE_CONFLICTS_OVERRIDDEN_V1,
  CHANGE_CONFLICTS_CHANGED_V1,
  RECHECK_CHANGE_CONFLICTS_V1,
  CHANGE_IMPLEMENTATION_STARTED_V1,
  CHANGE_IMPLEMENTATION_COMPLETED_V1,
  CHANGE_REVIEWED_V1,
  CHANGE_CLOSED_V1,
  CHANGE_CANCELLED_V1,
  CHANGE_TEMPLATE_DEFINED_V1,
  CHANGE_TEMPLATE_REVISED_V1,
  CHANGE_BOARD_CONFIGURED_V1,
  FREEZE_WINDOW_DEFINED_V1,
  FREEZE_WINDOW_REVISED_V1,
  MAINTENANCE_WINDOWS_SET_V1,
  RELEASE_PLANNED_V1,
  RELEASE_CHANGED_V1,
  RELEASE_STAGE_CHANGED_V1,
  RELEASE_DEPLOYED_V1,
];
