import { VERSION_PROPERTY, itemsSchema, recordViewSchema } from '@itsm/service-runtime';

export const CALENDAR_VIEW_SCHEMA = recordViewSchema('DefineCalendarRequest', VERSION_PROPERTY);
export const CALENDAR_LIST_SCHEMA = itemsSchema(CALENDAR_VIEW_SCHEMA);
