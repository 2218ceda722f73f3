import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsObject, IsString, MaxLength, Min } from 'class-validator';

/** A business calendar as the API shows it. */
export interface CalendarView {
  id: string;
  name: string;
  version: number;
  definition: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** Body of POST /api/v1/calendars. The definition is checked by the design service (time zone, hours, holidays). */
export class DefineCalendarRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  /** `{ timeZone, weeklyHours: { monday: [{ start: 'HH:mm', end: 'HH:mm' }], … }, holidays: [{ date, name }] }` */
  @IsObject()
  definition!: Record<string, unknown>;
}

/** Body of PUT /api/v1/calendars/:id: a new version, accepted only if `expectedVersion` is still current. */
export class ReviseCalendarRequest extends DefineCalendarRequest {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
