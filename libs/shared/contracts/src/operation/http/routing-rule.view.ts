import { RoutingRuleFieldsV1 } from '../messages/routing-rule-fields.v1';
import { RecordIdProperty, VersionedView } from '../../http/view-properties';

/** A routing rule as the API shows it. */
export class RoutingRuleView extends VersionedView(RoutingRuleFieldsV1) {
  @RecordIdProperty()
  id!: string;
}
