import { IsIn, IsOptional, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { INCIDENT_LIMITS, INCIDENT_STATES, IncidentState, PRIORITY_LEVELS, Priority } from '../messages/incident-vocabulary';
import { PageQuery } from '../../http/page.query';
import { TimestampProperty } from '../../http/view-properties';
import { QueryBoolean } from '../../validation/query-boolean';
import { QueryInteger } from '../../validation/query-integer';

/** Query string of GET /api/v1/incidents, newest first (cursor: the id), validated by the gateway and again by the operation service. */
export class ListIncidentsQuery extends PageQuery {
  @IsOptional()
  @IsIn(INCIDENT_STATES)
  state?: IncidentState;

  @IsOptional()
  @QueryInteger()
  @IsIn(PRIORITY_LEVELS)
  priority?: Priority;

  /** `true`: only incidents with a missed SLA, OLA or UC target; `false`: only those without. */
  @IsOptional()
  @QueryBoolean()
  slaBreached?: boolean;

  /**
   * Only incidents whose next SLA warning or breach falls due at or before this instant (RFC 3339), e.g.
   * now plus an hour for "what needs attention within the hour"; incidents whose clocks are all paused or
   * stopped have none. Pages stay newest first (lists are read by creation time, see docs/ARCHITECTURE.md, "Lists").
   */
  @IsOptional()
  @TimestampProperty()
  slaNextDueBefore?: string;

  /** Only incidents reported by this user (forced to the caller for requesters). */
  @IsOptional()
  @NonEmptyText(100)
  callerId?: string;

  /** Only the children of this parent incident (an equality on a top-level field, indexed: fast on FerretDB too). */
  @IsOptional()
  @Matches(UUID_PATTERN)
  parentId?: string;

  /** Only the incidents recorded as caused by this change (transition's change id; an equality on a top-level field, indexed). */
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'causedByChangeId must be the id of a change (a UUID)' })
  causedByChangeId?: string;

  /** Only the incidents on this configuration item, named by its id or its external id (incidents store its id; an equality on a top-level field, indexed). */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  configurationItemId?: string;
}
