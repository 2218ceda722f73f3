import { RecordIdProperty, VersionedView } from '../../http/view-properties';
import { AlertRuleFieldsV1 } from '../messages/alert-rule-fields.v1';

/** An alert rule as the API shows it. */
export class AlertRuleView extends VersionedView(AlertRuleFieldsV1) {
  @RecordIdProperty()
  id!: string;
}
