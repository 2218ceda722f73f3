import { Equals } from 'class-validator';
import { RecordIdProperty } from '../../http/view-properties';

/** The answer to a report: accepted for intake, readable at the Location header's URL once stored. */
export class IncidentAcceptedView {
  /** The incident's id, assigned by the gateway. */
  @RecordIdProperty()
  id!: string;

  @Equals('accepted')
  status!: 'accepted';
}
