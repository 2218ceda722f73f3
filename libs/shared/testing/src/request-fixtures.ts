/** Office hours, 08:00 to 18:00. */
const OFFICE = [{ start: '08:00', end: '18:00' }];

/** A valid calendar definition request: weekdays 08:00-18:00 in Berlin, no holidays. */
export function officeHoursCalendar(name: string) {
  return {
    name,
    definition: {
      timeZone: 'Europe/Berlin',
      weeklyHours: { monday: OFFICE, tuesday: OFFICE, wednesday: OFFICE, thursday: OFFICE, friday: OFFICE, saturday: [], sunday: [] },
      holidays: [],
    },
  };
}
