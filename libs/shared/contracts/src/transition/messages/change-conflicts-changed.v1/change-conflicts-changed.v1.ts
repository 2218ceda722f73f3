import { Type } from 'class-transformer';
import { IsOptional, Matches, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { NonEmptyText } from '../../../validation/non-empty-text';
import { ChangeV1 } from '../change-fields.v1';

/**
 * The fact that made the service check a change's conflicts again: the event that told it (its type,
 * its id, which is the conflicts-changed event's `causationid` too, and its subject: the relationship,
 * freeze, item or change it is about).
 */
export class ConflictCauseV1 {
  /** e.g. `itsm.transition.relationship.added.v1`, `itsm.transition.freeze-window.defined.v1`, `itsm.transition.change.cancelled.v1`. */
  @NonEmptyText(200)
  type!: string;

  @Matches(UUID_PATTERN)
  id!: string;

  @NonEmptyText(200)
  subject!: string;
}

/** The change after the service recorded its new conflicts (`conflicts`, each flagged `overridden`), and what caused it. */
export class ChangeConflictsChangedV1 extends ChangeV1 {
  /** Absent in events published before it was added (a v1 field added as optional: readers of v1 keep working). */
  @IsOptional()
  @ValidateNested()
  @Type(() => ConflictCauseV1)
  cause?: ConflictCauseV1;
}

export const CHANGE_CONFLICTS_CHANGED_V1 = defineMessage({
  type: 'itsm.transition.change.conflicts-changed.v1',
  kind: 'event',
  recordType: 'change',
  payload: ChangeConflictsChangedV1,
  summary:
    "The conflicts of a change's planned window changed because something else did (another change entering, moving on or leaving the calendar, a freeze, a maintenance window, a CMDB relationship); carries the change whole and the fact that caused it (`cause`).",
});
