import { outboxRelayProvider } from '@itsm/persistence';
import { CalendarRecord } from './calendar.schema';

export const CALENDAR_OUTBOX_RELAY = Symbol('CALENDAR_OUTBOX_RELAY');

/** Publishes calendars' outboxes to itsm.events. */
export const calendarOutboxRelayProvider = outboxRelayProvider(CALENDAR_OUTBOX_RELAY, CalendarRecord.name);
