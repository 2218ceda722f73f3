import { CloudEvent } from '@itsm/contracts';
import { RelationshipType } from '@itsm/contracts/transition';
import { OUTBOX_HIDDEN, OutboxRelays, isDuplicateKeyError } from '@itsm/persistence';
import { DependencyEdge, dependencyOf, readsFirstAfter, readsFirstFor, relationshipIdOf } from '@itsm/transition/cmdb-domain';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { readEach } from './equality-reads';
import { EventBatchRepository } from './event-batch.repository';
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

  constructor(
    @InjectModel(RelationshipRecord.name) model: Model<RelationshipRecord>,
    relays: OutboxRelays,
    private readonly eventBatches: EventBatchRepository,
  ) {
    this.relationships = model.collection as unknown as mongo.Collection;
    // Relationships no longer keep events of their own (their batch does); the relay stays for what
    // relationships stored before that still hold in their outbox, which its sweep publishes.
    relays.relayFor(model.collection);
  }

  /**
   * Stores each relationship not stored yet in unordered batches, the events `emit` makes for those a
   * batch stored written once for the batch and published from there (EventBatchRepository). Returns, by id, `created` or
   * `existing` (the same type between the same items in the same direction is stored once: a repeated
   * add or import meets the first one's id).
   *
   * Which exist already is learnt from the insert's duplicate keys, or from one equality read on `_id`
   * each before inserting the others, batch by batch as `readsFirstAfter` says (a repeated import reads).
   */
  async addAll(relationships: readonly NewRelationship[], emit: (relationship: StoredRelationship) => CloudEvent[]): Promise<Map<string, 'created' | 'existing'>> {
    const outcomes = new Map<string, 'created' | 'existing'>();
    let readFirst = readsFirstFor(relationships.length);
    for (let start = 0; start < relationships.length; start += BULK_WRITE_SIZE) {
      const at = new Date();
      const batch = new Map<string, StoredRelationship>();
      for (const { type, fromItemId, toItemId } of relationships.slice(start, start + BULK_WRITE_SIZE)) {
        const id = relationshipIdOf(type, fromItemId, toItemId);
        // The same relationship twice in one import: its first row decides.
        if (!outcomes.has(id) && !batch.has(id)) batch.set(id, { _id: id, type, fromItemId, toItemId, ...dependencyOf(type, fromItemId, toItemId), createdAt: at });
      }
      const found: Array<{ _id: string } | null> = readFirst ? await readEach([...batch.keys()], (id) => this.relationships.findOne<{ _id: string }>({ _id: id as never }, { projection: { _id: 1 } })) : [];
      for (const existing of found) {
        if (!existing) continue;
        batch.delete(existing._id);
        outcomes.set(existing._id, 'existing');
      }
      const documents = [...batch.values()].map((stored) => ({ ...stored, outbox: [], outboxSeq: 0, outboxPending: false }));
      const failed = await this.eventBatches.insertWithEvents(this.relationships, documents, ({ outbox, outboxSeq, outboxPending, ...stored }) => emit(stored));
      let duplicates = 0;
      for (const [index, document] of documents.entries()) {
        const error = failed.get(index);
        if (error !== undefined && !isDuplicateKeyError(error)) throw error;
        if (error !== undefined) duplicates += 1;
        outcomes.set(document._id, error === undefined ? 'created' : 'existing');
      }
      // The batch's rows: all read when it read first, else all inserted.
      readFirst = readsFirstAfter(found.filter(Boolean).length + duplicates, Math.max(found.length, documents.length));
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
