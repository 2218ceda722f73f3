import { ConfigurationItemFieldsV1 } from '../messages/cmdb-fields.v1';

/** Body of POST /api/v1/cmdb/items. */
export class RegisterConfigurationItemRequest extends ConfigurationItemFieldsV1 {}
