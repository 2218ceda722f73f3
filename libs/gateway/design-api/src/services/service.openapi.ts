import { VERSION_PROPERTY, itemsSchema, recordViewSchema } from '@itsm/service-runtime';

export const SERVICE_VIEW_SCHEMA = recordViewSchema('ServiceDefinitionFieldsV1', {
  ...VERSION_PROPERTY,
  state: { type: 'string', enum: ['draft', 'published', 'withdrawn'], description: 'draft (chartered), published (visible to users), withdrawn (retired)' },
});
export const SERVICE_LIST_SCHEMA = itemsSchema(SERVICE_VIEW_SCHEMA);
