import { CloudEvent } from '@itsm/contracts';
import { ConfigurationItemFieldsV1 } from '@itsm/contracts/transition';
import {
  DocumentWriteLock,
  OutboxEntry,
  OutboxRelay,
  OutboxRelays,
  VersionedDocumentStore,
  VersionedRecord,
  VersionedState,
  appendToOutbox,
  boundedBulkWrite,
  fieldsOf,
  isDuplicateKeyError,
} from '@itsm/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { ConfigurationItemRecord } from './configuration-item.schema';
import { readEach } from './equality-reads';
import { EventBatchRepository } from './event-batch.repository';

/** A configuration item as the `configuration_items` collection stores it, apart from the request and event shapes. */
export interface ConfigurationItemFields extends ConfigurationItemFieldsV1 {
  /** The external id, or the item's id when it has none: unique, what imports upsert by. */
  externalKey: string;
  /**
   * The version of the record the item stands for in the system it comes from (design's catalogue
   * service), whose events may come out of order: an older one than this changes nothing.
   */
  sourceVersion?: number;
}

export type StoredConfigurationItem = VersionedRecord<ConfigurationItemFields>;

/** An item as an upsert reads it: with the events still waiting in its outbox, which a bulk revision hands over again with its own. */
export type CurrentConfigurationItem = StoredConfigurationItem & { outbox: OutboxEntry[]; outboxSeq: number };

/** What an impact walk shows of an item it reached. */
export type ItemSummary = Pick<StoredConfigurationItem, '_id' | 'classKey' | 'name' | 'lifecycleState'>;

/** What change enablement reads of an item: its class, its external key (a design service's item is known by it) and its attributes (its criticality). */
export type ItemProfile = Pick<StoredConfigurationItem, '_id' | 'classKey' | 'externalKey' | 'attributes'>;

type Emit = (state: VersionedState<ConfigurationItemFields>) => CloudEvent[];

/** Documents one bulk write carries: large enough to amortise a round trip, small enough for FerretDB's statements. */
const BULK_WRITE_SIZE = 500;

/**
 * Versioned configuration items in the transition service's `configuration_items` collection. Besides the
 * one-at-a-time writes of VersionedDocumentStore it writes imports in bulk: new items in unordered
 * `insertMany` batches with their events written once per batch (EventBatchRepository), revisions in
 * `bulkWrite` batches guarded by each item's version with their events in each item's own outbox, handed
 * to the relay as the writes return.
 */
@Injectable()
export class ConfigurationItemRepository extends VersionedDocumentStore<ConfigurationItemFields> {
  private readonly items: mongo.Collection;
  private readonly outboxRelay: OutboxRelay;
  private readonly bulkWriteLock: DocumentWriteLock;

  constructor(
    @InjectModel(ConfigurationItemRecord.name) model: Model<ConfigurationItemRecord>,
    relays: OutboxRelays,
    private readonly eventBatches: EventBatchRepository,
  ) {
    super(model.collection, relays);
    this.items = model.collection as unknown as mongo.Collection;
    this.outboxRelay = relays.relayFor(model.collection);
    this.bulkWriteLock = DocumentWriteLock.of(model.collection);
  }

  /** The items with these external keys (equality reads on the unique index), by key; keys of no item are absent. */
  async findByExternalKeys(keys: readonly string[]): Promise<Map<string, CurrentConfigurationItem>> {
    const found = await readEach(keys, (externalKey) => this.items.findOne<CurrentConfigurationItem>({ externalKey }, { projection: { outboxPending: 0, outboxLeaseUntil: 0 } }));
    return new Map(found.flatMap((item) => (item ? [[item.externalKey, item] as const] : [])));
  }

  /** The ids of the items with these external keys, by key (an import's relationships name their ends so); keys of no item are absent. */
  async idsByExternalKeys(keys: readonly string[]): Promise<Map<string, string>> {
    const found = await readEach(keys, (externalKey) => this.items.findOne<{ _id: string }>({ externalKey }, { projection: { _id: 1 } }));
    return new Map(found.flatMap((item, index) => (item ? [[keys[index] as string, item._id] as const] : [])));
  }

  /**
   * Every item, `size` at a time, in no particular order (a replay): one cursor over the collection, each
   * batch handed over before the next is read, so a CMDB of any size is sent with one batch in memory. No
   * sort: FerretDB sorts in memory, and a keyset page per batch would read the whole collection each time.
   */
  async *batchesOfAll(size: number): AsyncGenerator<StoredConfigurationItem[]> {
    const cursor = this.items.find<StoredConfigurationItem>({}, { projection: { outbox: 0, outboxSeq: 0, outboxPending: 0, outboxLeaseUntil: 0 }, batchSize: size });
    try {
      let batch: StoredConfigurationItem[] = [];
      for await (const item of cursor) {
        batch.push(item);
        if (batch.length === size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      await cursor.close();
    }
  }

  /** The class, name and state of each of `ids` that exists, by id. */
  summaries(ids: readonly string[]): Promise<Map<string, ItemSummary>> {
    return this.projectedByIds<ItemSummary>(ids, { classKey: 1, name: 1, lifecycleState: 1 });
  }

  /** The class, external key and attributes of each of `ids` that exists, by id (one equality read on `_id` each). */
  profiles(ids: readonly string[]): Promise<Map<string, ItemProfile>> {
    return this.projectedByIds<ItemProfile>(ids, { classKey: 1, externalKey: 1, attributes: 1 });
  }

  /**
   * Version 1 of each new item in unordered batches, the events of a batch's items written once for the
   * batch and published from there (EventBatchRepository). Returns the ids stored and, for the others, why not: an external key
   * another writer stored meanwhile (a concurrent import) is `duplicate`.
   */
  async insertNew(entries: ReadonlyArray<{ id: string; fields: ConfigurationItemFields }>, emit: Emit): Promise<Map<string, 'stored' | 'duplicate'>> {
    const outcomes = new Map<string, 'stored' | 'duplicate'>();
    for (let start = 0; start < entries.length; start += BULK_WRITE_SIZE) {
      const at = new Date();
      const batch = entries.slice(start, start + BULK_WRITE_SIZE);
      // The item's own outbox starts empty: a later revision appends to it.
      const documents = batch.map(({ id, fields }) => ({ ...fields, _id: id, version: 1, createdAt: at, updatedAt: at, outbox: [], outboxSeq: 0, outboxPending: false }));
      const fieldsById = new Map(batch.map(({ id, fields }) => [id, fields]));
      const failed = await this.eventBatches.insertWithEvents(this.items, documents, ({ _id }) => emit({ id: _id, version: 1, fields: fieldsById.get(_id) as ConfigurationItemFields, at }));
      for (const [index, document] of documents.entries()) {
        const error = failed.get(index);
        if (error !== undefined && !isDuplicateKeyError(error)) throw error;
        outcomes.set(document._id, error === undefined ? 'stored' : 'duplicate');
      }
    }
    return outcomes;
  }

  /**
   * The next version of each item, with its events, in batches of updates each guarded by the version
   * read (`current`): an item another writer moved on meanwhile is left as it is and reported `conflict`.
   * Fields a new version leaves out are removed, as in `revise`.
   */
  async reviseAll(entries: ReadonlyArray<{ current: CurrentConfigurationItem; fields: ConfigurationItemFields }>, emit: Emit): Promise<Map<string, 'stored' | 'conflict'>> {
    const outcomes = new Map<string, 'stored' | 'conflict'>();
    for (let start = 0; start < entries.length; start += BULK_WRITE_SIZE) {
      const at = new Date();
      const batch = entries.slice(start, start + BULK_WRITE_SIZE).map(({ current, fields }) => {
        const events = emit({ id: current._id, version: current.version + 1, fields, at });
        const append = appendToOutbox(current.outboxSeq, events, undefined, at);
        const dropped = Object.keys(fieldsOf(withoutOutbox(current))).filter((key) => !(key in fields));
        const update = {
          ...append,
          $set: { ...append.$set, ...fields, version: current.version + 1, updatedAt: at },
          ...(dropped.length > 0 ? { $unset: Object.fromEntries(dropped.map((key) => [key, ''])) } : {}),
        };
        const outbox = [...current.outbox, ...append.$push.outbox.$each];
        return { current, update, handOver: { _id: current._id, outbox, outboxSeq: append.$set.outboxSeq, outboxPending: true, outboxLeaseUntil: append.$set.outboxLeaseUntil } };
      });
      // Held like every update of these items (the relay's mark-sent among them): FerretDB could otherwise lose one of two updates at once.
      const result = await this.bulkWriteLock.run(
        batch.map(({ current }) => current._id),
        () =>
          boundedBulkWrite(
            this.items,
            batch.map(({ current, update }) => ({ updateOne: { filter: { _id: current._id as never, version: current.version }, update: update as unknown as mongo.UpdateFilter<mongo.Document> } })),
          ),
      );
      // A bulk write says how many matched, not which: when some did not, each item's version says which.
      const allMatched = result.matchedCount === batch.length;
      const written = allMatched ? undefined : await this.versionsOf(batch.map(({ current }) => current._id));
      for (const { current, handOver } of batch) {
        // Ours when at the next version and written at this batch's instant (another writer's next version has its own).
        const now = written?.get(current._id);
        const stored = allMatched || (now?.version === current.version + 1 && now.updatedAt.getTime() === at.getTime());
        outcomes.set(current._id, stored ? 'stored' : 'conflict');
        if (stored) this.outboxRelay.publishSoon(handOver);
      }
    }
    return outcomes;
  }

  private versionsOf(ids: readonly string[]): Promise<Map<string, { _id: string; version: number; updatedAt: Date }>> {
    return this.projectedByIds(ids, { version: 1, updatedAt: 1 });
  }

  /** The `projection` of each of `ids` that exists, by id: one equality read on `_id` each. */
  private async projectedByIds<T extends { _id: string }>(ids: readonly string[], projection: mongo.Document): Promise<Map<string, T>> {
    const found = await readEach(ids, (id) => this.items.findOne<T>({ _id: id as never }, { projection }));
    return new Map(found.flatMap((item) => (item ? [[item._id, item] as const] : [])));
  }
}

function withoutOutbox({ outbox, outboxSeq, ...item }: CurrentConfigurationItem): StoredConfigurationItem {
  return item;
}
