import { CalendarDefinitionFieldsV1 } from '../messages/calendar-definition-fields.v1';

/** Body of POST /api/v1/calendars. */
export class DefineCalendarRequest extends CalendarDefinitionFieldsV1 {}
