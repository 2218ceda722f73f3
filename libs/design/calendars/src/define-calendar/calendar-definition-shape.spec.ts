import { BusinessCalendar, CALENDAR_24X7, validateBusinessCalendar } from '@itsm/business-calendar';
import { validatePlain } from '@itsm/contracts';
import { BusinessCalendarDefinitionV1 } from '@itsm/contracts/design';

const office = [{ start: '08:00', end: '18:00' }];
const week = (monday: unknown) => ({ monday, tuesday: office, wednesday: office, thursday: office, friday: office, saturday: [], sunday: [] });
const calendar = (change: Partial<Record<keyof BusinessCalendar, unknown>> = {}) => ({ timeZone: 'Europe/Berlin', weeklyHours: week(office), holidays: [], ...change });

/**
 * The gateway checks a calendar's shape with the contract class, the design service its meaning with
 * @itsm/business-calendar: the class must let through every calendar the library accepts, and the library
 * must catch the malformed times and dates the class lets through (the class checks only their form).
 */
describe('a calendar definition: the contract\'s shape and the library\'s meaning agree', () => {
  it.each([
    ['around the clock', CALENDAR_24X7],
    ['an office week with holidays', calendar({ holidays: [{ date: '2026-12-24', name: 'Heiligabend' }, { date: '2026-12-31', name: '' }] })],
    ['touching intervals, the last to 24:00', calendar({ weeklyHours: week([{ start: '00:00', end: '12:00' }, { start: '12:00', end: '24:00' }]) })],
    ['a one-minute interval', calendar({ weeklyHours: week([{ start: '23:58', end: '23:59' }]) })],
    ['a leap day', calendar({ holidays: [{ date: '2028-02-29', name: 'leap' }] })],
  ])('both accept %s', (_case, definition) => {
    expect(validateBusinessCalendar(definition)).toEqual([]);
    expect(validatePlain(BusinessCalendarDefinitionV1, JSON.parse(JSON.stringify(definition))).ok).toBe(true);
  });

  it.each([
    ['a start without its leading zero', calendar({ weeklyHours: week([{ start: '8:00', end: '18:00' }]) })],
    ['an end past 24:00', calendar({ weeklyHours: week([{ start: '08:00', end: '24:01' }]) })],
    ['a holiday date with a time', calendar({ holidays: [{ date: '2026-12-24T00:00', name: 'x' }] })],
    ['a missing weekday', calendar({ weeklyHours: { ...week(office), sunday: undefined } })],
  ])('both refuse %s', (_case, definition) => {
    expect(validateBusinessCalendar(definition)).not.toEqual([]);
    expect(validatePlain(BusinessCalendarDefinitionV1, definition).ok).toBe(false);
  });
});
