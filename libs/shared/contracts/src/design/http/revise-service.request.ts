import { ServiceDefinitionFieldsV1 } from '../messages/service-definition-fields.v1';
import { ExpectedVersion } from '../../http/expected-version';

/** Body of PUT /api/v1/services/:id: the next version of the definition. */
export class ReviseServiceRequest extends ServiceDefinitionFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}
