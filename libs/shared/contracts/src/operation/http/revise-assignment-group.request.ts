import { AssignmentGroupFieldsV1 } from '../messages/assignment-group-fields.v1';
import { ExpectedVersion } from '../../http/expected-version';

/** Body of PUT /api/v1/assignment-groups/:id: the whole next version, accepted only if `expectedVersion` is still current. */
export class ReviseAssignmentGroupRequest extends AssignmentGroupFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}
