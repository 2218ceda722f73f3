import { IsIn, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { RELATIONSHIP_TYPES, RelationshipType } from '../messages/cmdb-fields.v1';

/** Body of POST /api/v1/cmdb/relationships: `from` → `to`, of `type` (RELATIONSHIP_TYPES says which end depends on which). */
export class AddRelationshipRequest {
  @IsIn(RELATIONSHIP_TYPES)
  type!: RelationshipType;

  @Matches(UUID_PATTERN, { message: 'fromItemId must be the id of a configuration item' })
  fromItemId!: string;

  @Matches(UUID_PATTERN, { message: 'toItemId must be the id of a configuration item' })
  toItemId!: string;
}
