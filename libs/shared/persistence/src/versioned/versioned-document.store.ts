import { CloudEvent } from '@itsm/contracts';
import { ConflictException, NotFoundException } from '@nestjs/common';
import { Schema, mongo } from 'mongoose';
import { OutboxDocument } from '../outbox/outbox-relay';
import { OutboxFields, addOutbox, appendToOutbox, newOutbox } from '../outbox/outbox.schema';

/** A definition that changes by whole versions (calendars, SLAs, catalogue items). */
export interface VersionedState<TFields extends object> {
  id: string;
  /** 1 when defined; each revision is the previous version + 1. */
  version: number;
  fields: TFields;
  at: Date;
}

/** Adds what every versioned definition stores beside its own fields: version, timestamps, outbox. */
export function addVersionedFields(schema: Schema): void {
  schema.add({ version: { type: Number, required: true }, createdAt: { type: Date, required: true }, updatedAt: { type: Date, required: true } });
  addOutbox(schema);
}

/** A change as stored: the record as it now reads, and the outbox to hand to the relay. */
export interface Written<TFields extends object> {
  record: VersionedRecord<TFields>;
  outbox: OutboxDocument;
}

export type VersionedRecord<TFields extends object> = TFields & { _id: string; version: number; createdAt: Date; updatedAt: Date };

/**
 * Stores versioned definitions with their events in one write per change.
 * A revision is accepted only if the stored version is still the one the
 * writer read (optimistic concurrency, no transactions needed).
 */
export class VersionedDocumentStore<TFields extends object> {
  constructor(
    private readonly collection: mongo.Collection,
    private readonly outboxLeaseMs: number,
  ) {}

  /** Version 1 of a new definition, with the events `emit` makes for it, in one insert. */
  async define(id: string, fields: TFields, emit: (state: VersionedState<TFields>) => CloudEvent[]): Promise<Written<TFields>> {
    const state = { id, version: 1, fields, at: new Date() };
    const outbox = newOutbox(emit(state), this.outboxLeaseMs, state.at);
    const record = { ...fields, _id: id, version: 1, createdAt: state.at, updatedAt: state.at };
    await this.collection.insertOne({ ...record, _id: id as never, ...outbox });
    return { record, outbox: { _id: id, ...outbox } };
  }

  /**
   * The next version, with its events, in one update conditional on `expectedVersion`
   * still being current: 404 when there is no such record, 409 when it moved on.
   */
  async reviseFrom(id: string, expectedVersion: number, fields: TFields, emit: (state: VersionedState<TFields>) => CloudEvent[]): Promise<Written<TFields>> {
    const state = { id, version: expectedVersion + 1, fields, at: new Date() };
    // The outbox sequence must be read first: appended entries are numbered after it.
    const current = await this.collection.findOne<OutboxFields & { version: number }>({ _id: id as never }, { projection: { outboxSeq: 1, version: 1 } });
    if (!current) throw new NotFoundException(`${id} not found`);
    if (current.version === expectedVersion) {
      const append = appendToOutbox(current.outboxSeq, emit(state), this.outboxLeaseMs, state.at);
      const update = { ...append, $set: { ...append.$set, ...fields, version: state.version, updatedAt: state.at } };
      const updated = await this.collection.findOneAndUpdate(
        { _id: id as never, version: expectedVersion },
        // The driver's generic typing cannot express $push on a schemaless collection.
        update as unknown as mongo.UpdateFilter<mongo.Document>,
        { returnDocument: 'after' },
      );
      if (updated) {
        // FerretDB serves findOneAndUpdate without a projection only, so the outbox is stripped here.
        const { outbox, outboxSeq, outboxPending, outboxLeaseUntil, ...record } = updated as unknown as VersionedRecord<TFields> & OutboxFields;
        return { record: record as VersionedRecord<TFields>, outbox: { _id: id, outbox, outboxSeq, outboxPending, outboxLeaseUntil } };
      }
    }
    const latest = await this.findById(id);
    throw new ConflictException(`${id} is at version ${latest?.version ?? current.version}, not ${expectedVersion}`);
  }

  async findById(id: string): Promise<VersionedRecord<TFields> | null> {
    return this.collection.findOne<VersionedRecord<TFields>>({ _id: id as never }, { projection: OUTBOX_HIDDEN });
  }

  /** Which of `ids` exist, in one query. */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const found = await this.collection.find<{ _id: string }>({ _id: { $in: [...new Set(ids)] as never[] } }, { projection: { _id: 1 } }).toArray();
    return new Set(found.map((record) => record._id));
  }

  /** Up to `limit` records matching `filter` (equality on stored fields), ordered by `sortField` then id. */
  async list(sortField: keyof TFields & string, filter: Partial<Record<keyof TFields & string, unknown>> = {}, limit = 500): Promise<Array<VersionedRecord<TFields>>> {
    return this.collection
      .find<VersionedRecord<TFields>>(filter as mongo.Filter<mongo.Document>, { projection: OUTBOX_HIDDEN })
      .sort({ [sortField]: 1, _id: 1 })
      .limit(limit)
      .toArray();
  }
}

const OUTBOX_HIDDEN = { outbox: 0, outboxSeq: 0, outboxPending: 0, outboxLeaseUntil: 0 };

/** A versioned record as APIs show it: `id` instead of `_id`, ISO timestamps. */
export function toVersionedView<TFields extends object>({ _id, createdAt, updatedAt, ...fields }: VersionedRecord<TFields>) {
  return { ...(fields as TFields & { version: number }), id: _id, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

/** The definition fields of a stored record, without what the store keeps beside them. */
export function fieldsOf<TFields extends object>({ _id, version, createdAt, updatedAt, ...fields }: VersionedRecord<TFields>): TFields {
  return fields as unknown as TFields;
}
