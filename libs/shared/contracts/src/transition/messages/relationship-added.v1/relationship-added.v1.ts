import { IsIn, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../../ids/uuid-v7';
import { defineMessage } from '../../../messages/message-definition';
import { RELATIONSHIP_TYPES, RelationshipType } from '../cmdb-fields.v1';

/** Event: a typed, directed relationship between two configuration items was added (there is at most one of each type between two items in one direction). */
export class RelationshipAddedV1 {
  @Matches(UUID_PATTERN)
  relationshipId!: string;

  @IsIn(RELATIONSHIP_TYPES)
  type!: RelationshipType;

  @Matches(UUID_PATTERN)
  fromItemId!: string;

  @Matches(UUID_PATTERN)
  toItemId!: string;
}

export const RELATIONSHIP_ADDED_V1 = defineMessage({
  type: 'itsm.transition.relationship.added.v1',
  kind: 'event',
  recordType: 'ci-relationship',
  payload: RelationshipAddedV1,
  summary: 'A typed, directed relationship between two configuration items was added (through the API or an import).',
});
