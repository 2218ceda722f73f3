import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { BusinessCalendarDefinitionV1 } from './business-calendar-definition.v1';

/** A business calendar as defined in service design (v1 of its shape). */
export class CalendarDefinitionFieldsV1 {
  @NonEmptyText(200)
  name!: string;

  /** `{ timeZone, weeklyHours: { monday: [{ start: 'HH:mm', end: 'HH:mm' }], … }, holidays: [{ date, name }] }`. */
  @ValidateNested()
  @Type(() => BusinessCalendarDefinitionV1)
  definition!: BusinessCalendarDefinitionV1;
}
