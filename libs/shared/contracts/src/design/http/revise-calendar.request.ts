import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { CalendarDefinitionFieldsV1 } from '../messages/calendar-definition-fields.v1';

/** Body of PUT /api/v1/calendars/:id: a new version, accepted only if `expectedVersion` is still current. */
export class ReviseCalendarRequest extends CalendarDefinitionFieldsV1 {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
