import { CloudEvent, createCloudEvent } from '@itsm/contracts';
import { RELATIONSHIP_ADDED_V1, RelationshipAddedV1, RelationshipView } from '@itsm/contracts/transition';
import { ChangeOrigin } from '@itsm/service-runtime';
import { StoredRelationship } from '../persistence/relationship.repository';

export function relationshipAddedEvent({ _id, type, fromItemId, toItemId, createdAt }: StoredRelationship, origin: ChangeOrigin): CloudEvent<RelationshipAddedV1> {
  return createCloudEvent(RELATIONSHIP_ADDED_V1, _id, { relationshipId: _id, type, fromItemId, toItemId }, { service: 'transition', ...origin }, createdAt);
}

export function relationshipView({ _id, type, fromItemId, toItemId, createdAt }: StoredRelationship): RelationshipView {
  return { id: _id, type, fromItemId, toItemId, createdAt: createdAt.toISOString() };
}
