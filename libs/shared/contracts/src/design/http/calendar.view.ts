import { CalendarDefinitionFieldsV1 } from '../messages/calendar-definition-fields.v1';

/** A business calendar as the API shows it. */
export type CalendarView = CalendarDefinitionFieldsV1 & { id: string; version: number; createdAt: string; updatedAt: string };
