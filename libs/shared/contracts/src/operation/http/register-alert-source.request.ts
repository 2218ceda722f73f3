import { AlertSourceFieldsV1 } from '../messages/alert-source-fields.v1';

/** Body of POST /api/v1/alert-sources. */
export class RegisterAlertSourceRequest extends AlertSourceFieldsV1 {}
