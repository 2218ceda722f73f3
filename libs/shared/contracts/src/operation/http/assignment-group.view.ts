import { AssignmentGroupFieldsV1 } from '../messages/assignment-group-fields.v1';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';

/** An assignment group as the API shows it. */
export class AssignmentGroupView extends VersionedView(AssignmentGroupFieldsV1) {
  @RecordIdProperty()
  id!: string;
}
