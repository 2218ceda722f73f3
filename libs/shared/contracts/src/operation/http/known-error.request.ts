import { ExpectedVersion } from '../../http/expected-version';
import { KnownErrorFieldsV1 } from '../messages/known-error-fields.v1';

/** Body of POST /api/v1/known-errors: a known error of an existing problem. */
export class DefineKnownErrorRequest extends KnownErrorFieldsV1 {}

/** Body of PUT /api/v1/known-errors/:id: the whole next version, accepted only while `expectedVersion` is current. */
export class ReviseKnownErrorRequest extends KnownErrorFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}
