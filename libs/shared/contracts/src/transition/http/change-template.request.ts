import { ExpectedVersion } from '../../http/expected-version';
import { ChangeTemplateFieldsV1 } from '../messages/change-calendar-fields.v1';

/** Body of POST /api/v1/change-templates: a pre-authorised template of standard changes. */
export class DefineChangeTemplateRequest extends ChangeTemplateFieldsV1 {}

/** Body of PUT /api/v1/change-templates/:id: a new version (retire it with `active: false`), only if `expectedVersion` is current. */
export class ReviseChangeTemplateRequest extends ChangeTemplateFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}
