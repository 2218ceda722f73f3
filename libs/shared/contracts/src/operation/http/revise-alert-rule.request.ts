import { ExpectedVersion } from '../../http/expected-version';
import { AlertRuleFieldsV1 } from '../messages/alert-rule-fields.v1';

/** Body of PUT /api/v1/alert-rules/:id: the whole next version, accepted only if `expectedVersion` is still current. */
export class ReviseAlertRuleRequest extends AlertRuleFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}
