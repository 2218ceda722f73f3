import { CloudEvent, CloudEventOrigin, createCloudEvent } from '@itsm/contracts';
import { CALENDAR_CHANGED_V1, CalendarChangedV1 } from '@itsm/contracts/design';
import { VersionedState } from '@itsm/persistence';
import { CalendarFields } from '../persistence/calendar.repository';

/** `itsm.design.calendar.changed.v1` for a version of a calendar, timed when that version was written. */
export function calendarChangedEvent(state: VersionedState<CalendarFields>, origin: Omit<CloudEventOrigin, 'service'>): CloudEvent<CalendarChangedV1> {
  return createCloudEvent(CALENDAR_CHANGED_V1, state.id, { calendarId: state.id, version: state.version, ...state.fields }, { ...origin, service: 'design' }, state.at);
}
