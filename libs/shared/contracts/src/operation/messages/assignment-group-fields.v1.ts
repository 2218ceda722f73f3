import { ArrayMaxSize, ArrayUnique, IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NonEmptyText } from '../../validation/non-empty-text';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { INCIDENT_LIMITS } from './incident-vocabulary';

/** Most members one assignment group holds. */
export const ASSIGNMENT_GROUP_MAX_MEMBERS = 500;

/**
 * An assignment group as defined in operation (v1 of its shape): the team incidents are assigned to.
 * User ids are token subjects, as `callerId` of an incident is.
 */
export class AssignmentGroupFieldsV1 {
  /** Unique among assignment groups (409 when another group has it). */
  @NonEmptyText(200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  /** User ids of the members; a resolver sees and takes the work of their groups. */
  @ArrayUnique()
  @ArrayMaxSize(ASSIGNMENT_GROUP_MAX_MEMBERS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(INCIDENT_LIMITS.referenceMaxLength, { each: true })
  memberIds!: string[];

  /** User id of the group's manager (need not be a member). */
  @IsOptional()
  @NonEmptyText(INCIDENT_LIMITS.referenceMaxLength)
  managerId?: string;

  /** The group work escalates to (another assignment group, never this one). */
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'escalationGroupId must be the id of an assignment group' })
  escalationGroupId?: string;

  /** Inactive groups stay defined (and in the history of incidents) but routing rules cannot choose them. */
  @IsBoolean()
  active!: boolean;
}
