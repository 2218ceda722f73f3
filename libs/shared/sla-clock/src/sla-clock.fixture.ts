import { BusinessCalendar, WorkingInterval } from '@itsm/business-calendar';
import { NEW_SLA_CLOCK, SlaClock, SlaRecordEvent, replayClock } from './sla-clock';
import { SlaConditions } from './sla-conditions';

/** Test support: an office calendar, the incident conditions and a compact event notation. */
const OFFICE: WorkingInterval[] = [{ start: '08:00', end: '18:00' }];

/** Mon–Fri 08:00–18:00 in Berlin; Wednesday 2026-11-18 (Buß- und Bettag) is a holiday. */
export const BERLIN_OFFICE: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  weeklyHours: { monday: OFFICE, tuesday: OFFICE, wednesday: OFFICE, thursday: OFFICE, friday: OFFICE, saturday: [], sunday: [] },
  holidays: [{ date: '2026-11-18', name: 'Buß- und Bettag' }],
};

/** Incident conditions as design's example SLA has them. */
export const INCIDENT_CONDITIONS: SlaConditions = {
  start: ['new'],
  pause: ['on_hold'],
  resume: ['in_progress'],
  stop: ['resolved', 'closed'],
  reset: [],
  cancel: ['cancelled'],
};

/**
 * An instant written `YYYY-MM-DDTHH:mm`: Berlin local time in November 2026 (CET, UTC+1)
 * unless it carries its own offset (`…+02:00`, `…Z`).
 */
export function at(time: string): Date {
  return new Date(/[Z+]/.test(time.slice(16)) ? time : `${time}+01:00`);
}

/** Events written `'<state> <time>'` or `'response <time>'` (time as for `at`). */
export function events(...written: string[]): SlaRecordEvent[] {
  return written.map((event) => {
    const [name = '', time = ''] = event.split(' ');
    return name === 'response' ? { kind: 'response', at: at(time) } : { kind: 'state', state: name, at: at(time) };
  });
}

/** A clock replayed from events in that notation. */
export function clockOf(written: readonly string[], conditions: SlaConditions = INCIDENT_CONDITIONS, from: SlaClock = NEW_SLA_CLOCK): SlaClock {
  return replayClock(conditions, events(...written), from);
}
