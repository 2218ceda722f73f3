import { QueueSpec, serviceEventsQueueSpec } from '@itsm/messaging';
import { CONFIGURATION_ITEM_EVENT_TYPES } from '@itsm/operation/configuration-items';
import { PROBLEM_EFFECT_EVENT_TYPES } from '@itsm/operation/problems';
import { DESIGN_DEFINITION_EVENT_TYPES } from '@itsm/operation/service-levels';

/**
 * Operation's event subscriptions: design's calendars and service levels (its own copy for SLA clocks), its
 * own problem events, which change the linked incidents (ProblemIncidentEffectsModule), and transition's
 * configuration items (its own copy for reference checks, ConfigurationItemSyncModule).
 */
export function operationEventsQueueSpec(): QueueSpec {
  return serviceEventsQueueSpec('operation', [...DESIGN_DEFINITION_EVENT_TYPES, ...PROBLEM_EFFECT_EVENT_TYPES, ...CONFIGURATION_ITEM_EVENT_TYPES]);
}

/** Reference data changes rarely; a replay at start-up is the largest burst. */
export const OPERATION_EVENTS_PREFETCH = 16;
