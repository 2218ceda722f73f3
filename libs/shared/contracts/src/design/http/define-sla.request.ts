import { SlaDefinitionFieldsV1 } from '../messages/sla-definition-fields.v1';

/** Body of POST /api/v1/slas. */
export class DefineSlaRequest extends SlaDefinitionFieldsV1 {}
