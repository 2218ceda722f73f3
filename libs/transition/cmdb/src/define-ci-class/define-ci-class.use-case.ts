import { CloudEvent, RuleViolationError, StateConflictError, createCloudEvent, uuidV7 } from '@itsm/contracts';
import { CI_CLASS_DEFINED_V1, CiClassFieldsV1 } from '@itsm/contracts/transition';
import { VersionedState, isDuplicateKeyError } from '@itsm/persistence';
import { ChangeOrigin } from '@itsm/service-runtime';
import { ciClassIssues } from '@itsm/transition/cmdb-domain';
import { Injectable } from '@nestjs/common';
import { CiClassFields, CiClassRepository, StoredCiClass } from '../persistence/ci-class.repository';

/** Defines CI classes with their typed attributes; emits itsm.transition.ci-class.defined.v1. */
@Injectable()
export class DefineCiClass {
  constructor(private readonly classes: CiClassRepository) {}

  /** 400 when the attributes break a rule, 409 when the key is another class's. */
  async define(fields: CiClassFieldsV1, origin: ChangeOrigin): Promise<StoredCiClass> {
    const issues = ciClassIssues(fields);
    if (issues.length > 0) throw new RuleViolationError(issues);
    try {
      const written = await this.classes.define(uuidV7(), { ...fields, builtIn: false }, (state) => [classDefinedEvent(state, origin)]);
      return written.record;
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new StateConflictError(`a CI class with the key ${fields.key} exists already`);
      throw error;
    }
  }
}

function classDefinedEvent(state: VersionedState<CiClassFields>, origin: ChangeOrigin): CloudEvent {
  const { builtIn, ...fields } = state.fields;
  return createCloudEvent(CI_CLASS_DEFINED_V1, state.id, { ...fields, classId: state.id }, { service: 'transition', ...origin }, state.at);
}
