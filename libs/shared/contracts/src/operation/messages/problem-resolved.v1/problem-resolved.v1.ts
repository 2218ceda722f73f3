import { ArrayMaxSize, IsArray, IsBoolean, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { ProblemStateMoveFieldsV1 } from '../problem-fields.v1';
import { PROBLEM_LIMITS } from '../problem-vocabulary';

/**
 * Event: the fix was applied and the problem is Resolved. Names the incidents linked at that moment and
 * whether they are to be resolved with it; the operation service then resolves each open one (or notes the
 * fix on it), each by its own change of the incident.
 */
export class ProblemResolvedV1 extends ProblemStateMoveFieldsV1 {
  @NonEmptyText(PROBLEM_LIMITS.textMaxLength)
  fixNotes!: string;

  @IsArray()
  @ArrayMaxSize(PROBLEM_LIMITS.maxLinkedIncidents)
  @Matches(UUID_PATTERN, { each: true })
  incidentIds!: string[];

  @IsBoolean()
  resolveLinkedIncidents!: boolean;
}

export const PROBLEM_RESOLVED_V1 = defineMessage({
  type: 'itsm.operation.problem.resolved.v1',
  kind: 'event',
  recordType: 'problem',
  payload: ProblemResolvedV1,
  summary: "The problem's fix was applied (Resolved); names its linked incidents and whether they are resolved with it.",
});
