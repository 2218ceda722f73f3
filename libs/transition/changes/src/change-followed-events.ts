import { CONFLICT_FACT_EVENT_TYPES } from './change-conflicts/conflict-facts.listener';
import { DESIGN_SERVICE_EVENT_TYPES } from './change-calendar/design-service-events.listener';
import { ASSIGNMENT_GROUP_EVENT_TYPES } from './change-groups/assignment-group-events.listener';

/**
 * Every event type ChangesModule's listeners handle (bindings of itsm.transition.events): other services'
 * and transition's own facts that can make or end conflicts of changes on the calendar.
 */
export const CHANGE_FOLLOWED_EVENT_TYPES: readonly string[] = [...ASSIGNMENT_GROUP_EVENT_TYPES, ...DESIGN_SERVICE_EVENT_TYPES, ...CONFLICT_FACT_EVENT_TYPES];
