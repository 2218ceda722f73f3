import { SlaDefinitionFieldsV1 } from '../messages/sla-definition-fields.v1';
import { ExpectedVersion } from '../../http/expected-version';

/** Body of PUT /api/v1/slas/:id: a new version, accepted only if `expectedVersion` is still current. */
export class ReviseSlaRequest extends SlaDefinitionFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}
