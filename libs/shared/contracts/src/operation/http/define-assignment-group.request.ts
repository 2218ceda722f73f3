import { AssignmentGroupFieldsV1 } from '../messages/assignment-group-fields.v1';

/** Body of POST /api/v1/assignment-groups. */
export class DefineAssignmentGroupRequest extends AssignmentGroupFieldsV1 {}
