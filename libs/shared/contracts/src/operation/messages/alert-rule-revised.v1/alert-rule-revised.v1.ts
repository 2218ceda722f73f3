import { defineMessage } from '../../../messages/message-definition';
import { AlertRuleV1 } from '../alert-rule-defined.v1/alert-rule-defined.v1';

export const ALERT_RULE_REVISED_V1 = defineMessage({
  type: 'itsm.operation.alert-rule.revised.v1',
  kind: 'event',
  recordType: 'alert-rule',
  payload: AlertRuleV1,
  summary: 'An alert rule was revised; carries the whole new version.',
});
