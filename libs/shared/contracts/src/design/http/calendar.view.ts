import { CalendarDefinitionFieldsV1 } from '../messages/calendar-definition-fields.v1';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';

/** A business calendar as the API shows it. */
export class CalendarView extends VersionedView(CalendarDefinitionFieldsV1) {
  @RecordIdProperty()
  id!: string;
}
