import { CalendarDefinitionFieldsV1 } from '../messages/calendar-definition-fields.v1';
import { ExpectedVersion } from '../../http/expected-version';

/** Body of PUT /api/v1/calendars/:id: a new version, accepted only if `expectedVersion` is still current. */
export class ReviseCalendarRequest extends CalendarDefinitionFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}
