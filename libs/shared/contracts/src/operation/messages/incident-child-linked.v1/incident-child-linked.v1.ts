import { Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { IncidentFactFieldsV1 } from '../incident-fact-fields.v1';

/** A child incident as its parent's events name it. */
export class IncidentChildFieldsV1 extends IncidentFactFieldsV1 {
  @Matches(UUID_PATTERN)
  childId!: string;

  @Matches(/^INC[0-9]{7,}$/)
  childNumber!: string;
}

/** Event: on a parent incident, recorded by the operation service: a child was linked to it (the child's own event is `parent-linked`). */
export class IncidentChildLinkedV1 extends IncidentChildFieldsV1 {}

export const INCIDENT_CHILD_LINKED_V1 = defineMessage({
  type: 'itsm.operation.incident.child-linked.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentChildLinkedV1,
  summary: "On a parent incident: a child was linked to it (the child's own event is parent-linked).",
});
