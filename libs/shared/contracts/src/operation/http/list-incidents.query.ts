import { IsIn, IsOptional, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { NonEmptyText } from '../../validation/non-empty-text';
import { INCIDENT_LIMITS, INCIDENT_STATES, IncidentState, PRIORITY_LEVELS, Priority } from '../messages/incident-vocabulary';
import { PageQuery } from '../../http/page.query';
import { CURSOR_KEYS, CursorShape, NEWEST_FIRST_CURSOR } from '../../http/page-cursor';
import { TimestampProperty } from '../../http/view-properties';
import { QueryBoolean } from '../../validation/query-boolean';
import { QueryInteger } from '../../validation/query-integer';

/**
 * The orders of the incident list (`sort`): `newest` (the default) is newest first by time-ordered id;
 * `slaNextDueAt` is the agents' work queue, in three parts:
 * 1. the overdue open work: incidents with a missed SLA, OLA or UC target (`slaBreached`) still open
 *    (OPEN_INCIDENT_STATES), most severe priority first, then oldest first (ties by id);
 * 2. incidents with a running SLA clock, soonest next warning or breach first (ties by id);
 * 3. the rest (every clock paused or stopped, breached work already resolved, or no SLA at all), newest first.
 */
export const INCIDENT_LIST_SORTS = ['newest', 'slaNextDueAt'] as const;
export type IncidentListSort = (typeof INCIDENT_LIST_SORTS)[number];

/** In a `sort=slaNextDueAt` cursor, the first key of a position among the incidents with no running clock (the list's tail, part 3). */
export const NO_NEXT_DUE = 'none';

/** In a `sort=slaNextDueAt` cursor, the first key of a position among the open breached incidents (part 1): `breached-p<priority>`. */
const BREACHED_KEY = /^breached-p([1-5])$/;

/** The first cursor key of a position among the open breached incidents of this priority. */
export function breachedQueueKey(priority: Priority): string {
  return `breached-p${priority}`;
}

/** The priority a first cursor key of the open breached part names, or undefined when it is no such key. */
export function priorityOfBreachedQueueKey(key: unknown): Priority | undefined {
  const match = typeof key === 'string' ? BREACHED_KEY.exec(key) : null;
  return match ? (Number(match[1]) as Priority) : undefined;
}

/**
 * Cursors of `sort=slaNextDueAt`: where in the queue, then the id. The first key is breachedQueueKey(priority)
 * in part 1, the next due instant (epoch ms) in part 2, NO_NEXT_DUE in part 3; cursors issued before part 1
 * existed (an instant or NO_NEXT_DUE) are positions of parts 2 and 3 still, and keep paging.
 */
export const NEXT_DUE_CURSOR: CursorShape = [
  {
    holds: 'a breached priority, a due instant or none',
    accepts: (value: unknown) => priorityOfBreachedQueueKey(value) !== undefined || CURSOR_KEYS.instant.accepts(value) || value === NO_NEXT_DUE,
  },
  CURSOR_KEYS.uuid,
];

/**
 * Query string of GET /api/v1/incidents, newest first unless `sort` says otherwise (cursor: the id, or for
 * `sort=slaNextDueAt` its part's key and the id), validated by the gateway and again by the operation service.
 */
export class ListIncidentsQuery extends PageQuery {
  /** A cursor carries the keys of the order asked for, so a cursor of the other order is refused (400 naming `cursor`). */
  static cursorShapeFor(query: ListIncidentsQuery): CursorShape {
    return query.sort === 'slaNextDueAt' ? NEXT_DUE_CURSOR : NEWEST_FIRST_CURSOR;
  }

  /** The order (INCIDENT_LIST_SORTS); `newest` when absent. Combines with every filter. */
  @IsOptional()
  @IsIn(INCIDENT_LIST_SORTS)
  sort?: IncidentListSort;

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
   * stopped have none. Pages stay newest first unless `sort=slaNextDueAt` (see docs/ARCHITECTURE.md, "Lists").
   */
  @IsOptional()
  @TimestampProperty()
  slaNextDueBefore?: string;

  /** Only incidents assigned to this assignment group (an equality on a top-level field, indexed with the work queue's order). */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  assignmentGroupId?: string;

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
