export * from './service-level-catalog.module';
export * from './service-level-sync.module';
export * from './service-level-catalog/service-level-catalog';
export * from './service-level-catalog/service-level-scope';
export * from './record-design-definitions/record-design-definitions.use-case';
export { DESIGN_DEFINITION_EVENT_TYPES } from './record-design-definitions/design-definitions.listener';
export type { SlaDefinitionFields, StoredSlaDefinition } from './persistence/sla-definition.repository';
export type { BusinessCalendarFields, StoredBusinessCalendar } from './persistence/business-calendar.repository';
export * from './calendar-revisions/calendar-revisions';
