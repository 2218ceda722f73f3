import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { CI_LIFECYCLE_STATES, CiLifecycleState } from '../messages/cmdb-fields.v1';
import { RelationshipAddedV1 } from '../messages/relationship-added.v1/relationship-added.v1';
import { IMPACT_DIRECTIONS, ImpactDirection } from './impact.query';

/** An item an impact walk reached, as it names it. */
export class ImpactItemView {
  @Matches(UUID_PATTERN)
  id!: string;

  @IsString()
  classKey!: string;

  @IsString()
  name!: string;

  @IsIn(CI_LIFECYCLE_STATES)
  lifecycleState!: CiLifecycleState;
}

/** One relationship of a path, as stored (`from` → `to`), whichever way the walk crossed it: the fields of its added event. */
export class ImpactStepView extends RelationshipAddedV1 {}

/** An item reached, how far from the origin, and one shortest path to it (the origin's relationship first). */
export class ImpactReachView {
  @ValidateNested()
  @Type(() => ImpactItemView)
  item!: ImpactItemView;

  @IsInt()
  @Min(1)
  depth!: number;

  @ValidateNested({ each: true })
  @Type(() => ImpactStepView)
  path!: ImpactStepView[];
}

/** The answer of an impact walk: every item reached within the depth (nearest first), and which of them are business services. */
export class ImpactView {
  @ValidateNested()
  @Type(() => ImpactItemView)
  origin!: ImpactItemView;

  @IsIn(IMPACT_DIRECTIONS)
  direction!: ImpactDirection;

  @IsInt()
  depth!: number;

  @ValidateNested({ each: true })
  @Type(() => ImpactReachView)
  reached!: ImpactReachView[];

  /** Ids of the business services among `reached`. */
  @Matches(UUID_PATTERN, { each: true })
  businessServiceIds!: string[];

  /** Whether items lay beyond the depth limit (the walk stopped there, not at the graph's end). */
  @IsBoolean()
  truncated!: boolean;
}
