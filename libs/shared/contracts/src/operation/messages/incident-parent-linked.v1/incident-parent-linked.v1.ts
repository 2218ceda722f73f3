import { IsOptional, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { IncidentFactFieldsV1 } from '../incident-fact-fields.v1';

/** Event: the incident became a child of a parent incident (it is resolved with it); the parent's side is `child-linked`. */
export class IncidentParentLinkedV1 extends IncidentFactFieldsV1 {
  @Matches(UUID_PATTERN)
  parentId!: string;

  @Matches(/^INC[0-9]{7,}$/)
  parentNumber!: string;

  /** The parent it had before, when it was moved from one parent to another. */
  @IsOptional()
  @Matches(UUID_PATTERN)
  previousParentId?: string;
}

export const INCIDENT_PARENT_LINKED_V1 = defineMessage({
  type: 'itsm.operation.incident.parent-linked.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentParentLinkedV1,
  summary: 'The incident became a child of a parent incident, which resolves it when it is resolved or closed.',
});
