import { BusinessCalendar, CALENDAR_24X7 } from './calendar';
import { BusinessCalendarError } from './business-calendar-error';
import { isValidBusinessCalendar, parseBusinessCalendar, validateBusinessCalendar } from './validate-calendar';

const office = [{ start: '08:00', end: '18:00' }];
const valid: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  weeklyHours: {
    monday: office,
    tuesday: office,
    wednesday: office,
    thursday: office,
    friday: office,
    saturday: [],
    sunday: [],
  },
  holidays: [{ date: '2026-12-24', name: 'Christmas Eve' }],
};

function withDay(day: keyof BusinessCalendar['weeklyHours'], intervals: unknown): unknown {
  return { ...valid, weeklyHours: { ...valid.weeklyHours, [day]: intervals } };
}

const paths = (definition: unknown) => validateBusinessCalendar(definition).map((issue) => issue.path);
const messages = (definition: unknown) =>
  validateBusinessCalendar(definition)
    .map((issue) => issue.message)
    .join(' | ');

describe('validateBusinessCalendar', () => {
  it('accepts good definitions', () => {
    expect(validateBusinessCalendar(valid)).toEqual([]);
    expect(validateBusinessCalendar(CALENDAR_24X7)).toEqual([]);
    const touching = [
      { start: '08:00', end: '12:00' },
      { start: '12:00', end: '24:00' },
    ];
    expect(validateBusinessCalendar(withDay('saturday', touching))).toEqual([]);
    expect(isValidBusinessCalendar(valid)).toBe(true);
    expect(parseBusinessCalendar(valid)).toBe(valid);
  });

  it('rejects an unknown or missing time zone', () => {
    expect(validateBusinessCalendar({ ...valid, timeZone: 'Europe/Atlantis' })).toEqual([
      { path: 'timeZone', message: 'unknown time zone "Europe/Atlantis"' },
    ]);
    expect(paths({ ...valid, timeZone: '' })).toEqual(['timeZone']);
    expect(paths({ ...valid, timeZone: 3 })).toEqual(['timeZone']);
  });

  it('rejects malformed HH:mm', () => {
    expect(paths(withDay('monday', [{ start: '8:00', end: '18:00' }]))).toEqual(['weeklyHours.monday[0].start']);
    expect(paths(withDay('monday', [{ start: '08:00', end: '18:61' }]))).toEqual(['weeklyHours.monday[0].end']);
    expect(paths(withDay('monday', [{ start: '24:00', end: '24:00' }]))).toEqual(['weeklyHours.monday[0].start']);
    expect(paths(withDay('monday', [{ start: '08:00' }]))).toEqual(['weeklyHours.monday[0].end']);
    expect(messages(withDay('monday', [{ start: '08h00', end: '18:00' }]))).toContain('"08h00" is not a time HH:mm');
  });

  it('rejects end <= start', () => {
    expect(validateBusinessCalendar(withDay('tuesday', [{ start: '18:00', end: '08:00' }]))).toEqual([
      { path: 'weeklyHours.tuesday[0]', message: 'end 08:00 must be after start 18:00' },
    ]);
    expect(paths(withDay('tuesday', [{ start: '08:00', end: '08:00' }]))).toEqual(['weeklyHours.tuesday[0]']);
  });

  it('rejects overlapping and unsorted intervals', () => {
    const overlapping = withDay('wednesday', [
      { start: '08:00', end: '12:00' },
      { start: '11:00', end: '17:00' },
    ]);
    expect(validateBusinessCalendar(overlapping)).toEqual([
      { path: 'weeklyHours.wednesday[1]', message: 'starts at 11:00, before the previous interval ends (12:00)' },
    ]);
    const unsorted = withDay('wednesday', [
      { start: '13:00', end: '17:00' },
      { start: '08:00', end: '12:00' },
    ]);
    expect(messages(unsorted)).toContain('intervals must be sorted');
  });

  it('rejects bad holiday dates, duplicates and missing names', () => {
    const holidays = [
      { date: '2026-02-30', name: 'no such day' },
      { date: '24.12.2026', name: 'wrong format' },
      { date: '2026-12-25', name: 'Christmas' },
      { date: '2026-12-25', name: 'again' },
      { date: '2026-12-26' },
      'Boxing Day',
    ];
    expect(paths({ ...valid, holidays })).toEqual([
      'holidays[0].date',
      'holidays[1].date',
      'holidays[3].date',
      'holidays[4].name',
      'holidays[5]',
    ]);
    expect(messages({ ...valid, holidays })).toContain('"2026-02-30" is not a real YYYY-MM-DD date');
    expect(paths({ ...valid, holidays: undefined })).toEqual(['holidays']);
  });

  it('rejects a week with no working time at all', () => {
    const weeklyHours = { ...valid.weeklyHours, monday: [], tuesday: [], wednesday: [], thursday: [], friday: [] };
    const closed = { ...valid, weeklyHours };
    expect(validateBusinessCalendar(closed)).toEqual([
      { path: 'weeklyHours', message: 'the week has no working time at all; a business clock would never run' },
    ]);
  });

  it('rejects missing and unknown weekdays and non-objects', () => {
    const sixDays: Record<string, unknown> = { ...valid.weeklyHours };
    delete sixDays.sunday;
    expect(messages({ ...valid, weeklyHours: sixDays })).toBe('missing; use [] for a closed day');
    expect(paths({ ...valid, weeklyHours: { ...valid.weeklyHours, mon: office } })).toEqual(['weeklyHours.mon']);
    expect(paths(withDay('friday', '08:00-18:00'))).toEqual(['weeklyHours.friday']);
    expect(paths(withDay('friday', ['08:00-18:00']))).toEqual(['weeklyHours.friday[0]']);
    expect(paths(null)).toEqual(['']);
    expect(paths([])).toEqual(['']);
    expect(paths({ timeZone: 'UTC' })).toEqual(['weeklyHours', 'holidays']);
  });

  it('parseBusinessCalendar throws one error naming every issue', () => {
    const bad = { ...valid, timeZone: 'Nowhere/Special', holidays: [{ date: '2026-02-30', name: 'x' }] };
    expect(() => parseBusinessCalendar(bad)).toThrow(BusinessCalendarError);
    expect(() => parseBusinessCalendar(bad)).toThrow(
      'invalid business calendar: timeZone: unknown time zone "Nowhere/Special"; ' +
        'holidays[0].date: "2026-02-30" is not a real YYYY-MM-DD date',
    );
    try {
      parseBusinessCalendar(bad);
    } catch (error) {
      expect(error instanceof BusinessCalendarError && error.issues.length).toBe(2);
    }
  });
});
