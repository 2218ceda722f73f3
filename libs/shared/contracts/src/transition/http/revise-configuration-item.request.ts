import { ExpectedVersion } from '../../http/expected-version';
import { ConfigurationItemFieldsV1 } from '../messages/cmdb-fields.v1';

/** Body of PUT /api/v1/cmdb/items/:id: a new version, accepted only if `expectedVersion` is still current. */
export class ReviseConfigurationItemRequest extends ConfigurationItemFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}
