import { DESIGN_SERVICE_EVENT_TYPES } from './change-calendar/design-service-events.listener';
import { ASSIGNMENT_GROUP_EVENT_TYPES } from './change-groups/assignment-group-events.listener';

/** Every event type of other services ChangesModule's listeners handle (bindings of itsm.transition.events). */
export const CHANGE_FOLLOWED_EVENT_TYPES: readonly string[] = [...ASSIGNMENT_GROUP_EVENT_TYPES, ...DESIGN_SERVICE_EVENT_TYPES];
