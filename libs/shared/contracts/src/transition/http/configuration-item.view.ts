import { RecordIdProperty, VersionedView } from '../../http/view-properties';
import { ConfigurationItemFieldsV1 } from '../messages/cmdb-fields.v1';

/** A configuration item as the API shows it. */
export class ConfigurationItemView extends VersionedView(ConfigurationItemFieldsV1) {
  @RecordIdProperty()
  id!: string;
}
