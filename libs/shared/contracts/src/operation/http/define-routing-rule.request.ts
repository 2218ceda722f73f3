import { RoutingRuleFieldsV1 } from '../messages/routing-rule-fields.v1';

/** Body of POST /api/v1/routing-rules. */
export class DefineRoutingRuleRequest extends RoutingRuleFieldsV1 {}
