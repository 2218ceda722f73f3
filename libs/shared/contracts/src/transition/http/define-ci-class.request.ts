import { CiClassFieldsV1 } from '../messages/cmdb-fields.v1';

/** Body of POST /api/v1/cmdb/classes. */
export class DefineCiClassRequest extends CiClassFieldsV1 {}
