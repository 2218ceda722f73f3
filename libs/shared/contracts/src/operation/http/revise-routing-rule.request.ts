import { RoutingRuleFieldsV1 } from '../messages/routing-rule-fields.v1';
import { ExpectedVersion } from '../../http/expected-version';

/**
 * Body of PUT /api/v1/routing-rules/:id: the whole next version (a new `order` moves the rule, `active: false`
 * retires it), accepted only if `expectedVersion` is still current.
 */
export class ReviseRoutingRuleRequest extends RoutingRuleFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}
