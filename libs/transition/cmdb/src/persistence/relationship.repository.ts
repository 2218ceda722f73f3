import { CloudEvent } from '@itsm/contracts';
import { RelationshipType } from '@itsm/contracts/transition';
import { OUTBOX_HIDDEN, OutboxRelay, OutboxRelays, isDuplicateKeyError, newOutbox } from '@itsm/persistence';
import { DependencyEdge, dependencyOf, relationshipIdOf } from '@itsm/transition/cmdb-domain';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { insertUnordered } from './configuration-item.repository';
import { readEach } from './equality-reads';
import { RelationshipRecord } from './relationship.schema';

/** A relationship as the `ci_relationships` collection stores it. */
export interface StoredRelationship {
  _id: string;
  type: RelationshipType;
  fromItemId: string;
  toItemId: string;
  dependent: string;
  dependency: string;
  createdAt: Date;
}

export interface NewRelationship {
  type: RelationshipType;
  fromItemId: string;
  toItemId: string;
}

const BULK_WRITE_SIZE = 1_000;

/** Relationships between configuration items in the transition service's `ci_relationships` collection. */
@Injectable()
export class RelationshipRepository {
  private readonly relationships: mongo.Collection;
  private readonly relay: OutboxRelay;

  constructor(@InjectModel(RelationshipRecord.name) model: Model<RelationshipRecord>, relays: OutboxRelays) {
    this.relationships = model.collection as unknown as mongo.Collection;
    this.relay = relays.relayFor(model.collection);
  }

  /**
   * Stores each relationship not stored yet, with the events `emit` makes for it, in unordered batches.
   * Returns, by id, `created` or `existing` (the same type between the same items in the same direction
   * is stored once: a repeated add or import meets the first one's id).
   */
  async addAll(relationships: readonly NewRelationship[], emit: (relationship: StoredRelationship) => CloudEvent[]): Promise<Map<string, 'created' | 'existing'>> {
    const outcomes = new Map<string, 'created' | 'existing'>();
    for (let start = 0; start < relationships.length; start += BULK_WRITE_SIZE) {
      const at = new Date();
      const documents = relationships.slice(start, start + BULK_WRITE_SIZE).map(({ type, fromItemId, toItemId }) => {
        const stored: StoredRelationship = { _id: relationshipIdOf(type, fromItemId, toItemId), type, fromItemId, toItemId, ...dependencyOf(type, fromItemId, toItemId), createdAt: at };
        return { ...stored, ...newOutbox(emit(stored), undefined, at) };
      });
      const failed = await insertUnordered(this.relationships, documents);
      for (const [index, document] of documents.entries()) {
        const error = failed.get(index);
        if (error !== undefined && !isDuplicateKeyError(error)) throw error;
        if (outcomes.get(document._id) === 'created') continue; // the same relationship twice in one batch
        outcomes.set(document._id, error === undefined ? 'created' : 'existing');
        if (error === undefined) this.relay.publishSoon(document);
      }
    }
    return outcomes;
  }

  async findById(id: string): Promise<StoredRelationship | null> {
    return this.relationships.findOne<StoredRelationship>({ _id: id as never }, { projection: OUTBOX_HIDDEN });
  }

  /** The relationships an upstream walk leaves these items by: those whose dependency they are. One indexed equality read per item. */
  dependentsOf(itemIds: readonly string[]): Promise<DependencyEdge[]> {
    return this.edgesWhere('dependency', itemIds);
  }

  /** The relationships a downstream walk leaves these items by: those whose dependent they are. */
  dependenciesOf(itemIds: readonly string[]): Promise<DependencyEdge[]> {
    return this.edgesWhere('dependent', itemIds);
  }

  private async edgesWhere(field: 'dependent' | 'dependency', itemIds: readonly string[]): Promise<DependencyEdge[]> {
    const projection = { type: 1, fromItemId: 1, toItemId: 1, dependent: 1, dependency: 1 };
    const found = await readEach(itemIds, (itemId) => this.relationships.find<StoredRelationship>({ [field]: itemId }, { projection }).toArray());
    return found.flat().map(({ _id, type, fromItemId, toItemId, dependent, dependency }) => ({ id: _id, type, from: fromItemId, to: toItemId, dependent, dependency }));
  }
}
