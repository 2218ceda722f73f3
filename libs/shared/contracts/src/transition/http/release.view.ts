import { RecordIdProperty, VersionedView } from '../../http/view-properties';
import { ReleaseFieldsV1 } from '../messages/release-fields.v1';

/** A release as the API shows it. */
export class ReleaseView extends VersionedView(ReleaseFieldsV1) {
  @RecordIdProperty()
  id!: string;
}

