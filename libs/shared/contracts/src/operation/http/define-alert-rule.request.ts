import { AlertRuleFieldsV1 } from '../messages/alert-rule-fields.v1';

/** Body of POST /api/v1/alert-rules. */
export class DefineAlertRuleRequest extends AlertRuleFieldsV1 {}
