import { IsInt, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { CalendarDefinitionFieldsV1 } from '../calendar-definition-fields.v1';

/**
 * Event: a business calendar was defined or revised. Carries the whole
 * definition (time zone, weekly hours, holidays), so subscribers running SLA
 * clocks keep their own copy; records keep the version they started with.
 */
export class CalendarChangedV1 extends CalendarDefinitionFieldsV1 {
  @Matches(UUID_PATTERN)
  calendarId!: string;

  /** 1 for a new calendar, +1 for each revision. */
  @IsInt()
  @Min(1)
  version!: number;
}

export const CALENDAR_CHANGED_V1 = defineMessage({
  type: 'itsm.design.calendar.changed.v1',
  kind: 'event',
  recordType: 'calendar',
  payload: CalendarChangedV1,
  summary: 'A business calendar was defined or revised; carries its full definition and version.',
});
