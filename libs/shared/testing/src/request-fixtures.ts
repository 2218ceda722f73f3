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

/** A valid SLA definition request on `calendarId`: P1 incidents, response in 15 min, resolution in 4 h. */
export function p1IncidentSla(calendarId: string) {
  return {
    name: 'P1 incidents',
    kind: 'sla',
    appliesTo: { recordType: 'incident', priorities: [1] },
    calendarId,
    targets: { responseMinutes: 15, resolutionMinutes: 240 },
    conditions: { start: ['new'], pause: ['on_hold'], resume: ['in_progress'], stop: ['resolved', 'closed'], reset: [], cancel: ['cancelled'] },
    warningThresholds: [50, 75, 90],
  };
}
