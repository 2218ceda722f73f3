import { VERSION_PROPERTY, itemsSchema, recordViewSchema } from '@itsm/service-runtime';

export const CALENDAR_VIEW_SCHEMA = recordViewSchema('DefineCalendarRequest', VERSION_PROPERTY);
export const CALENDAR_LIST_SCHEMA = itemsSchema(CALENDAR_VIEW_SCHEMA);

export const SLA_VIEW_SCHEMA = recordViewSchema('DefineSlaRequest', {
  ...VERSION_PROPERTY,
  calendarVersion: { type: 'integer', minimum: 1, description: 'version of the business calendar when this SLA version was defined' },
});
export const SLA_LIST_SCHEMA = itemsSchema(SLA_VIEW_SCHEMA);

export const SERVICE_VIEW_SCHEMA = recordViewSchema('ServiceDefinitionFieldsV1', {
  ...VERSION_PROPERTY,
  state: { type: 'string', enum: ['draft', 'published', 'withdrawn'], description: 'draft (chartered), published (visible to users), withdrawn (retired)' },
});
export const SERVICE_LIST_SCHEMA = itemsSchema(SERVICE_VIEW_SCHEMA);

export const CATALOGUE_ITEM_VIEW_SCHEMA = recordViewSchema('DefineCatalogueItemRequest', {
  ...VERSION_PROPERTY,
  requestable: { type: 'boolean', description: 'active, and its service is published' },
});
export const CATALOGUE_ITEM_LIST_SCHEMA = itemsSchema(CATALOGUE_ITEM_VIEW_SCHEMA);
