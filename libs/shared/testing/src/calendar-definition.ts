import { BusinessCalendarDefinitionV1 } from '@itsm/contracts/design';

const ALL_DAY = [{ start: '00:00', end: '24:00' }];

/** A valid calendar definition (UTC, open around the clock, no holidays) for tests whose subject is not the calendar. */
export const AROUND_THE_CLOCK: BusinessCalendarDefinitionV1 = {
  timeZone: 'UTC',
  weeklyHours: { monday: ALL_DAY, tuesday: ALL_DAY, wednesday: ALL_DAY, thursday: ALL_DAY, friday: ALL_DAY, saturday: ALL_DAY, sunday: ALL_DAY },
  holidays: [],
};
