import { validatePlain } from '../../validation/validate-plain';
import { DefineCalendarRequest } from '../http/define-calendar.request';
import { ReviseCalendarRequest } from '../http/revise-calendar.request';
import { CalendarChangedV1 } from './calendar-changed.v1/calendar-changed.v1';
import { BusinessCalendarDefinitionV1, MAX_HOLIDAYS, MAX_INTERVALS_PER_DAY } from './business-calendar-definition.v1';

const office = [{ start: '08:00', end: '18:00' }];
const definition = {
  timeZone: 'Europe/Berlin',
  weeklyHours: { monday: office, tuesday: office, wednesday: office, thursday: office, friday: office, saturday: [], sunday: [] },
  holidays: [{ date: '2026-12-24', name: 'Heiligabend' }],
};
const withDay = (day: string, intervals: unknown) => ({ ...definition, weeklyHours: { ...definition.weeklyHours, [day]: intervals } });
const fieldsOf = (result: ReturnType<typeof validatePlain>) => (result.ok ? [] : result.issues.map((issue) => issue.field));

describe('BusinessCalendarDefinitionV1', () => {
  it.each([
    ['an office week', definition],
    ['a day open around the clock, up to 24:00', withDay('sunday', [{ start: '00:00', end: '24:00' }])],
    ['a holiday with an empty name', { ...definition, holidays: [{ date: '2026-01-01', name: '' }] }],
    // Meaning is the design service's (validateBusinessCalendar): the shape lets these through.
    ['an unknown time zone', { ...definition, timeZone: 'Mars/Olympus_Mons' }],
    ['a date that does not exist', { ...definition, holidays: [{ date: '2026-02-30', name: 'x' }] }],
    ['an interval ending before it starts', withDay('monday', [{ start: '18:00', end: '08:00' }])],
  ])('has the shape: %s', (_case, value) => {
    expect(fieldsOf(validatePlain(BusinessCalendarDefinitionV1, value))).toEqual([]);
  });

  it.each([
    ['an unknown key', { ...definition, foo: { bar: 1 } }, 'foo'],
    ['an unknown weekday', withDay('funday', office), 'weeklyHours.funday'],
    ['a missing weekday', { ...definition, weeklyHours: { ...definition.weeklyHours, sunday: undefined } }, 'weeklyHours.sunday'],
    ['a null weekday', withDay('sunday', null), 'weeklyHours.sunday'],
    ['a weekday that is no list', withDay('monday', { start: '08:00', end: '18:00' }), 'weeklyHours.monday'],
    ['an unknown key in an interval', withDay('monday', [{ ...office[0], lunch: true }]), 'weeklyHours.monday.0.lunch'],
    ['a time without a leading zero', withDay('monday', [{ start: '8:00', end: '18:00' }]), 'weeklyHours.monday.0.start'],
    ['a start at 24:00', withDay('monday', [{ start: '24:00', end: '24:00' }]), 'weeklyHours.monday.0.start'],
    ['an end at 18:61', withDay('monday', [{ start: '08:00', end: '18:61' }]), 'weeklyHours.monday.0.end'],
    ['a missing end', withDay('monday', [{ start: '08:00' }]), 'weeklyHours.monday.0.end'],
    ['too many intervals', withDay('monday', Array.from({ length: MAX_INTERVALS_PER_DAY + 1 }, () => office[0])), 'weeklyHours.monday'],
    ['a holiday without a date', { ...definition, holidays: [{ name: 'x' }] }, 'holidays.0.date'],
    ['a holiday at a time', { ...definition, holidays: [{ date: '2026-12-24T00:00:00Z', name: 'x' }] }, 'holidays.0.date'],
    ['a holiday with an unknown key', { ...definition, holidays: [{ date: '2026-12-24', name: 'x', $set: 1 }] }, 'holidays.0'],
    ['too many holidays', { ...definition, holidays: Array.from({ length: MAX_HOLIDAYS + 1 }, () => definition.holidays[0]) }, 'holidays'],
    ['holidays that are no list', { ...definition, holidays: {} }, 'holidays'],
    ['a time zone that is no text', { ...definition, timeZone: { $ne: '' } }, 'timeZone'],
    ['a blank time zone', { ...definition, timeZone: '' }, 'timeZone'],
    ['a missing time zone', { ...definition, timeZone: undefined }, 'timeZone'],
  ])('refuses %s, naming the field', (_case, value, field) => {
    expect(fieldsOf(validatePlain(BusinessCalendarDefinitionV1, value))).toContain(field);
  });

  it.each([
    ['the request that defines a calendar', DefineCalendarRequest, {}],
    ['the request that revises one', ReviseCalendarRequest, { expectedVersion: 1 }],
    ['the event that publishes one', CalendarChangedV1, { calendarId: '01a20e2a-fed4-7197-a433-736b13a7a69e', version: 1 }],
  ])('is the definition of %s, checked in depth', (_case, contract, extra) => {
    const calendar = { name: 'Office', ...extra };
    expect(validatePlain(contract, { ...calendar, definition }).ok).toBe(true);
    expect(fieldsOf(validatePlain(contract, { ...calendar, definition: { ...definition, foo: 1 } }))).toEqual(['definition.foo']);
    expect(fieldsOf(validatePlain(contract, { ...calendar, definition: withDay('monday', [{ start: '08:00', end: 'noon' }]) }))).toEqual(['definition.weeklyHours.monday.0.end']);
  });
});
