import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryInteger } from '../../validation/query-integer';

/** Directions of an impact walk: `upstream` to what depends on the item (up to the business services and their consumers), `downstream` to what it depends on. */
export const IMPACT_DIRECTIONS = ['upstream', 'downstream'] as const;
export type ImpactDirection = (typeof IMPACT_DIRECTIONS)[number];

/** Deepest walk a caller may ask for: beyond it an answer is the whole component, not an impact. */
export const IMPACT_MAX_DEPTH = 12;
export const IMPACT_DEFAULT_DEPTH = 6;

/** Query of GET /api/v1/cmdb/items/:id/impact. */
export class ImpactQuery {
  @IsOptional()
  @IsIn(IMPACT_DIRECTIONS)
  direction?: ImpactDirection;

  /** Relationships followed from the item at most (default IMPACT_DEFAULT_DEPTH). */
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(IMPACT_MAX_DEPTH)
  depth?: number;
}
