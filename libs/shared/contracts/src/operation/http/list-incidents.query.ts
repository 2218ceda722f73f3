import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { INCIDENT_STATES, IncidentState, PRIORITY_LEVELS, Priority } from '../messages/incident-vocabulary';
import { PageCursorParameter } from '../../http/page-cursor';

export const INCIDENT_PAGE_DEFAULT_LIMIT = 50;
export const INCIDENT_PAGE_MAX_LIMIT = 200;

/** Query string of GET /api/v1/incidents, validated by the gateway and again by the operation service. */
export class ListIncidentsQuery {
  @IsOptional()
  @IsIn(INCIDENT_STATES)
  state?: IncidentState;

  @IsOptional()
  @Type(() => Number)
  @IsIn(PRIORITY_LEVELS)
  priority?: Priority;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INCIDENT_PAGE_MAX_LIMIT)
  limit?: number;

  /** Only incidents reported by this user (forced to the caller for requesters). */
  @IsOptional()
  @NonEmptyText(100)
  callerId?: string;

  /** Opaque cursor from a previous page's nextCursor. */
  @PageCursorParameter()
  cursor?: string;
}
