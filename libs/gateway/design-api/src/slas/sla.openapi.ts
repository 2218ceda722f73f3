import { VERSION_PROPERTY, itemsSchema, recordViewSchema } from '@itsm/service-runtime';

export const SLA_VIEW_SCHEMA = recordViewSchema('DefineSlaRequest', {
  ...VERSION_PROPERTY,
  calendarVersion: { type: 'integer', minimum: 1, description: 'version of the business calendar when this SLA version was defined' },
});
export const SLA_LIST_SCHEMA = itemsSchema(SLA_VIEW_SCHEMA);
