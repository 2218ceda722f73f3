import { Matches } from 'class-validator';
import { ExpectedVersion } from '../../http/expected-version';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { RootCauseAnalysisFieldsV1 } from '../messages/problem-fields.v1';
import { PROBLEM_LIMITS } from '../messages/problem-vocabulary';

/**
 * Bodies of the problem lifecycle routes (`POST /api/v1/problems/:id/<command>`). Each carries the
 * `expectedVersion` the caller read (409 when it is no longer current); investigation and close carry
 * nothing else (`ExpectedVersionRequest`). Links may leave it out (`ProblemIncidentLinkRequest`).
 */

/** POST /api/v1/problems/:id/root-cause: the analysis (Under investigation → Root cause known, or a revision of it). */
export class RecordRootCauseRequest extends RootCauseAnalysisFieldsV1 {
  @ExpectedVersion()
  expectedVersion!: number;
}

/** POST /api/v1/problems/:id/fix: the fix was applied (Root cause known → Resolved). */
export class ApplyProblemFixRequest {
  @ExpectedVersion()
  expectedVersion!: number;

  /** What was changed; the note of every incident the fix resolves names it. */
  @NonEmptyText(PROBLEM_LIMITS.textMaxLength)
  fixNotes!: string;
}

/** POST /api/v1/problems/:id/cancellation. */
export class CancelProblemRequest {
  @ExpectedVersion()
  expectedVersion!: number;

  @NonEmptyText(PROBLEM_LIMITS.textMaxLength)
  reason!: string;
}

/**
 * POST /api/v1/problems/:id/incident-links and …/incident-unlinks: one incident. Without `expectedVersion`
 * the link is made on whatever version is current (a link conflicts with no other change).
 */
export class ProblemIncidentLinkRequest {
  @ExpectedVersion({ optional: true })
  expectedVersion?: number;

  @Matches(UUID_PATTERN, { message: 'incidentId must be the id of an incident' })
  incidentId!: string;
}
