import { Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { IncidentFactFieldsV1 } from '../incident-fact-fields.v1';

/** Event: the incident is no longer a child of its parent incident. */
export class IncidentParentUnlinkedV1 extends IncidentFactFieldsV1 {
  /** The parent it left. */
  @Matches(UUID_PATTERN)
  parentId!: string;
}

export const INCIDENT_PARENT_UNLINKED_V1 = defineMessage({
  type: 'itsm.operation.incident.parent-unlinked.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentParentUnlinkedV1,
  summary: 'The incident is no longer a child of its parent incident.',
});
