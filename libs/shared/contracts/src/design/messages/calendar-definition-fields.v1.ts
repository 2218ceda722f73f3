import { IsObject } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';

/** A business calendar as defined in service design (v1 of its shape). */
export class CalendarDefinitionFieldsV1 {
  @NonEmptyText(200)
  name!: string;

  /**
   * `{ timeZone, weeklyHours: { monday: [{ start: 'HH:mm', end: 'HH:mm' }], … }, holidays: [{ date, name }] }`,
   * checked in depth by the design service with @itsm/business-calendar.
   */
  @IsObject()
  definition!: Record<string, unknown>;
}
