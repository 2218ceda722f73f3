import { IsIn, IsOptional, Matches } from 'class-validator';
import { ExpectedVersion } from '../../http/expected-version';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import {
  CANCEL_REASONS,
  CancelReason,
  HOLD_REASONS,
  HoldReason,
  IMPACT_LEVELS,
  INCIDENT_LIMITS,
  Impact,
  RESOLUTION_CODES,
  ResolutionCode,
  URGENCY_LEVELS,
  Urgency,
} from '../messages/incident-vocabulary';
import { CHANGE_NUMBER_PATTERN } from '../messages/incident-change-linked.v1/incident-change-linked.v1';

/**
 * Bodies of the incident lifecycle routes (`POST /api/v1/incidents/:id/<command>`). Each carries the
 * `expectedVersion` the caller read: the change is written only while it is still current (409 otherwise);
 * comments and work notes may leave it out (`IncidentNoteRequest`).
 * Start, resume and close carry nothing else (`ExpectedVersionRequest`).
 */

/** POST /api/v1/incidents/:id/assignment: to a group, optionally to one of its members. */
export class AssignIncidentRequest {
  @ExpectedVersion()
  expectedVersion!: number;

  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  groupId!: string;

  /** User id of a member of the group. */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  assigneeId?: string;
}

/** POST /api/v1/incidents/:id/hold: On Hold for a reason, with an optional work note. */
export class HoldIncidentRequest {
  @ExpectedVersion()
  expectedVersion!: number;

  @IsIn(HOLD_REASONS)
  holdReason!: HoldReason;

  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  workNote?: string;
}

/** POST /api/v1/incidents/:id/priority: a new impact and/or urgency (the priority is derived) and the work note saying why. */
export class ChangeIncidentPriorityRequest {
  @ExpectedVersion()
  expectedVersion!: number;

  @IsOptional()
  @IsIn(IMPACT_LEVELS)
  impact?: Impact;

  @IsOptional()
  @IsIn(URGENCY_LEVELS)
  urgency?: Urgency;

  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  workNote!: string;
}

/** POST /api/v1/incidents/:id/resolution. */
export class ResolveIncidentRequest {
  @ExpectedVersion()
  expectedVersion!: number;

  @IsIn(RESOLUTION_CODES)
  resolutionCode!: ResolutionCode;

  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  resolutionNotes!: string;
}

/** POST /api/v1/incidents/:id/reopen: back to In Progress, saying why. */
export class ReopenIncidentRequest {
  @ExpectedVersion()
  expectedVersion!: number;

  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  reason!: string;
}

/** POST /api/v1/incidents/:id/cancellation: a duplicate (naming the incident it duplicates) or not an incident. */
export class CancelIncidentRequest {
  @ExpectedVersion()
  expectedVersion!: number;

  @IsIn(CANCEL_REASONS)
  reason!: CancelReason;

  @IsOptional()
  @Matches(UUID_PATTERN)
  duplicateOf?: string;

  /** An internal note. */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  note?: string;
}

/**
 * POST /api/v1/incidents/:id/comments (the caller sees it) and /work-notes (internal). The timeline is
 * append-only, so `expectedVersion` is optional: without it the note is added to the current version (two
 * people commenting at once both land); with it, it is checked as for every change (409 when stale).
 */
export class IncidentNoteRequest {
  @ExpectedVersion({ optional: true })
  expectedVersion?: number;

  @NonEmptyText(INCIDENT_LIMITS.noteMaxLength)
  text!: string;
}

/** POST /api/v1/incidents/:id/parent: becomes a child of the open incident `parentId` (one level deep; moved when it had another parent). */
export class LinkParentIncidentRequest {
  @ExpectedVersion()
  expectedVersion!: number;

  @Matches(UUID_PATTERN)
  parentId!: string;
}

/**
 * POST /api/v1/incidents/:id/caused-by-change: records the change that caused the incident (replacing the one
 * recorded before); clearing it takes `ExpectedVersionRequest` (POST .../unlink-caused-by-change).
 */
export class RecordCausingChangeRequest {
  @ExpectedVersion()
  expectedVersion!: number;

  /** Transition's change id (GET /api/v1/changes/:id). */
  @Matches(UUID_PATTERN, { message: 'changeId must be the id of a change (a UUID)' })
  changeId!: string;

  /** Its number, e.g. CHG0000042, shown with the incident. */
  @IsOptional()
  @Matches(CHANGE_NUMBER_PATTERN, { message: 'changeNumber must be a change number, e.g. CHG0000042' })
  changeNumber?: string;
}
