import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { DATE_ONLY_PATTERN } from '../../strategy/messages/amounts-and-periods';

/** Most opening intervals of one weekday (every half hour open and closed again). */
export const MAX_INTERVALS_PER_DAY = 48;
/** Most holidays of one calendar (decades of public holidays). */
export const MAX_HOLIDAYS = 1_000;

/**
 * One opening interval of a weekday in local wall-clock time, [start, end): `start` 00:00..23:59, `end`
 * 00:00..23:59 or 24:00 (end of the day). That `end` comes after `start` and that a day's intervals are
 * sorted and do not overlap are rules of @itsm/business-calendar, which the design service applies.
 */
export class WorkingIntervalV1 {
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'start must be a time HH:mm (00:00..23:59)' })
  start!: string;

  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'end must be a time HH:mm (00:00..23:59) or 24:00' })
  end!: string;
}

/** A decorated weekday of WeeklyHoursV1: its opening intervals; `[]` is a closed day. */
function OpeningHours(): PropertyDecorator {
  const decorators = [IsArray(), ArrayMaxSize(MAX_INTERVALS_PER_DAY), ValidateNested({ each: true }), Type(() => WorkingIntervalV1)];
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

/** The opening intervals of each weekday, every one of them given. */
export class WeeklyHoursV1 {
  @OpeningHours()
  monday!: WorkingIntervalV1[];

  @OpeningHours()
  tuesday!: WorkingIntervalV1[];

  @OpeningHours()
  wednesday!: WorkingIntervalV1[];

  @OpeningHours()
  thursday!: WorkingIntervalV1[];

  @OpeningHours()
  friday!: WorkingIntervalV1[];

  @OpeningHours()
  saturday!: WorkingIntervalV1[];

  @OpeningHours()
  sunday!: WorkingIntervalV1[];
}

/** A whole local day the calendar is closed; that the date exists and is listed once is checked by @itsm/business-calendar. */
export class HolidayV1 {
  @Matches(DATE_ONLY_PATTERN, { message: 'date must be a date, YYYY-MM-DD' })
  date!: string;

  @IsString()
  @MaxLength(200)
  name!: string;
}

/**
 * A business calendar's definition (v1 of its shape), the `BusinessCalendar` of @itsm/business-calendar:
 * this class is the shape, checked by the gateway and by the design service alike, unknown keys refused
 * at every level; the meaning (a known IANA time zone, real dates, ordered intervals, a week with working
 * time) is checked by the design service with `validateBusinessCalendar`.
 */
export class BusinessCalendarDefinitionV1 {
  /** IANA time zone name, e.g. Europe/Berlin; working hours and holidays are local to it. */
  @NonEmptyText(100)
  timeZone!: string;

  @ValidateNested()
  @Type(() => WeeklyHoursV1)
  weeklyHours!: WeeklyHoursV1;

  @IsArray()
  @ArrayMaxSize(MAX_HOLIDAYS)
  @ValidateNested({ each: true })
  @Type(() => HolidayV1)
  holidays!: HolidayV1[];
}
