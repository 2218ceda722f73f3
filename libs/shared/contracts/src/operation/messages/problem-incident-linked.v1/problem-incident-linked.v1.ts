import { Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { ProblemFactFieldsV1 } from '../problem-fields.v1';

/** Event: an incident was linked to the problem, or unlinked from it. */
export class ProblemIncidentLinkV1 extends ProblemFactFieldsV1 {
  @Matches(UUID_PATTERN)
  incidentId!: string;
}

export const PROBLEM_INCIDENT_LINKED_V1 = defineMessage({
  type: 'itsm.operation.problem.incident-linked.v1',
  kind: 'event',
  recordType: 'problem',
  payload: ProblemIncidentLinkV1,
  summary: 'An incident was linked to the problem; the operation service then links the incident and shares the published workarounds with it.',
});
