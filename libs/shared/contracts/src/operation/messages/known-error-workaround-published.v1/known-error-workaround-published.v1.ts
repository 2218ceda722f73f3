import { IsInt, IsISO8601, Matches, Min } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { PROBLEM_LIMITS } from '../problem-vocabulary';

/**
 * Event: a known error's workaround was published. The operation service puts it as a work note on every
 * open incident linked to the problem (once per incident and version), and on incidents linked later.
 */
export class KnownErrorWorkaroundPublishedV1 {
  @Matches(UUID_PATTERN)
  knownErrorId!: string;

  /** The known error's version that holds this workaround. */
  @IsInt()
  @Min(1)
  version!: number;

  @Matches(UUID_PATTERN)
  problemId!: string;

  @Matches(/^PRB[0-9]{7,}$/)
  problemNumber!: string;

  @NonEmptyText(PROBLEM_LIMITS.titleMaxLength)
  title!: string;

  @NonEmptyText(PROBLEM_LIMITS.textMaxLength)
  workaround!: string;

  @IsISO8601({ strict: true })
  at!: string;

  @NonEmptyText(PROBLEM_LIMITS.referenceMaxLength)
  by!: string;
}

export const KNOWN_ERROR_WORKAROUND_PUBLISHED_V1 = defineMessage({
  type: 'itsm.operation.known-error.workaround-published.v1',
  kind: 'event',
  recordType: 'known-error',
  payload: KnownErrorWorkaroundPublishedV1,
  summary: "A known error's workaround was published; operation puts it as a work note on the problem's open linked incidents.",
});
