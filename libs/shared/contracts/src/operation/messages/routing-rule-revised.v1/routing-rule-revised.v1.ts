import { defineMessage } from '../../../messages/message-definition';
import { RoutingRuleV1 } from '../routing-rule-defined.v1/routing-rule-defined.v1';

/** The same shape as the definition; a rule moved, deactivated or pointed at another group is a revision. */
export const ROUTING_RULE_REVISED_V1 = defineMessage({
  type: 'itsm.operation.routing-rule.revised.v1',
  kind: 'event',
  recordType: 'routing-rule',
  payload: RoutingRuleV1,
  summary: 'A routing rule was revised (moved, deactivated, other criteria or group); carries its whole new version.',
});
