import { Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { CiClassFieldsV1 } from '../cmdb-fields.v1';

/** Event: a CI class was defined through the API (built-in classes come with the product and have no event). */
export class CiClassDefinedV1 extends CiClassFieldsV1 {
  @Matches(UUID_PATTERN)
  classId!: string;
}

export const CI_CLASS_DEFINED_V1 = defineMessage({
  type: 'itsm.transition.ci-class.defined.v1',
  kind: 'event',
  recordType: 'ci-class',
  payload: CiClassDefinedV1,
  summary: 'A class of configuration items was defined, with the typed attributes its items carry.',
});
