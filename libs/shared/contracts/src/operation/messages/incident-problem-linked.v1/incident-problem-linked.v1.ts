import { Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { IncidentFactFieldsV1 } from '../incident-fact-fields.v1';

/** Event: the incident was linked to a problem, or unlinked from it (by the operation service, from the problem's own event). */
export class IncidentProblemLinkV1 extends IncidentFactFieldsV1 {
  @Matches(UUID_PATTERN)
  problemId!: string;

  /** e.g. PRB0000042. */
  @Matches(/^PRB[0-9]{7,}$/)
  problemNumber!: string;
}

export const INCIDENT_PROBLEM_LINKED_V1 = defineMessage({
  type: 'itsm.operation.incident.problem-linked.v1',
  kind: 'event',
  recordType: 'incident',
  payload: IncidentProblemLinkV1,
  summary: 'The incident was linked to a problem (its view shows the problem from then on).',
});
