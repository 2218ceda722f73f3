import { VERSION_PROPERTY, itemsSchema, recordViewSchema } from '@itsm/service-runtime';

export const CATALOGUE_ITEM_VIEW_SCHEMA = recordViewSchema('DefineCatalogueItemRequest', {
  ...VERSION_PROPERTY,
  requestable: { type: 'boolean', description: 'active, and its service is published' },
});
export const CATALOGUE_ITEM_LIST_SCHEMA = itemsSchema(CATALOGUE_ITEM_VIEW_SCHEMA);
