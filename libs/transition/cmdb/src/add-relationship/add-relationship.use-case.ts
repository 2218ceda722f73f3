import { NotFoundError, RuleViolationError, StateConflictError } from '@itsm/contracts';
import { AddRelationshipRequest } from '@itsm/contracts/transition';
import { ChangeOrigin } from '@itsm/service-runtime';
import { relationshipIdOf, relationshipProblem } from '@itsm/transition/cmdb-domain';
import { Injectable } from '@nestjs/common';
import { ConfigurationItemRepository } from '../persistence/configuration-item.repository';
import { RelationshipRepository, StoredRelationship } from '../persistence/relationship.repository';
import { relationshipAddedEvent } from './relationship-event.mapper';

/** Adds one relationship between two items; emits itsm.transition.relationship.added.v1. */
@Injectable()
export class AddRelationship {
  constructor(
    private readonly items: ConfigurationItemRepository,
    private readonly relationships: RelationshipRepository,
  ) {}

  /** 400 for an item to itself or an end that is no item, 409 when the same relationship exists already. */
  async add({ type, fromItemId, toItemId }: AddRelationshipRequest, origin: ChangeOrigin): Promise<StoredRelationship> {
    const problem = relationshipProblem(fromItemId, toItemId);
    if (problem) throw RuleViolationError.of('toItemId', problem);
    const found = await this.items.summaries([fromItemId, toItemId]);
    const missing = (['fromItemId', 'toItemId'] as const).filter((end) => !found.has(end === 'fromItemId' ? fromItemId : toItemId));
    if (missing.length > 0) throw new RuleViolationError(missing.map((end) => ({ field: end, messages: ['there is no configuration item with this id'] })));
    const outcomes = await this.relationships.addAll([{ type, fromItemId, toItemId }], (relationship) => [relationshipAddedEvent(relationship, origin)]);
    const id = relationshipIdOf(type, fromItemId, toItemId);
    if (outcomes.get(id) === 'existing') throw new StateConflictError(`${fromItemId} ${type} ${toItemId} exists already (relationship ${id})`);
    const stored = await this.relationships.findById(id);
    if (!stored) throw new NotFoundError('relationship', id);
    return stored;
  }
}
