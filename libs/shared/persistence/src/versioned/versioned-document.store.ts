import { CloudEvent } from '@itsm/contracts';
import { ConflictException, NotFoundException } from '@nestjs/common';
import { mongo } from 'mongoose';
import { OutboxDocument } from '../outbox/outbox-relay';
import { OutboxFields, appendToOutbox, newOutbox } from '../outbox/outbox.schema';

/** A definition that changes by whole versions (calendars, SLAs, catalogue items). */
export interface VersionedState<TFields extends object> {
  id: string;
  /** 1 when defined; each revision is the previous version + 1. */
  version: number;
  fields: TFields;
  at: Date;
}

/** A change as stored: its state, and the outbox to hand to the relay. */
export interface Written<TFields extends object> {
  state: VersionedState<TFields>;
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

  /** Version 1 of a new definition, with the events `emit` makes for it. */
  async define(id: string, fields: TFields, emit: (state: VersionedState<TFields>) => CloudEvent[]): Promise<Written<TFields>> {
    const state = { id, version: 1, fields, at: new Date() };
    return { state, outbox: await this.insert(state, emit(state)) };
  }

  /** The next version, if `expectedVersion` is still current: 404 when there is no such record, 409 when it moved on. */
  async reviseFrom(id: string, expectedVersion: number, fields: TFields, emit: (state: VersionedState<TFields>) => CloudEvent[]): Promise<Written<TFields>> {
    const state = { id, version: expectedVersion + 1, fields, at: new Date() };
    const outbox = await this.revise(state, emit(state));
    if (outbox) return { state, outbox };
    const current = await this.findById(id);
    if (!current) throw new NotFoundException(`${id} not found`);
    throw new ConflictException(`${id} is at version ${current.version}, not ${expectedVersion}`);
  }

  async insert(state: VersionedState<TFields>, events: readonly CloudEvent[]): Promise<OutboxDocument> {
    const outbox = newOutbox(events, this.outboxLeaseMs, state.at);
    await this.collection.insertOne({ _id: state.id as never, ...state.fields, version: state.version, createdAt: state.at, updatedAt: state.at, ...outbox });
    return { _id: state.id, ...outbox };
  }

  /** Returns undefined when the record is gone or was revised by someone else first. */
  async revise(state: VersionedState<TFields>, events: readonly CloudEvent[]): Promise<OutboxDocument | undefined> {
    const expected = state.version - 1;
    const current = await this.collection.findOne<OutboxFields & { version: number }>({ _id: state.id as never }, { projection: { outboxSeq: 1, version: 1 } });
    if (!current || current.version !== expected) return undefined;
    const append = appendToOutbox(current.outboxSeq, events, this.outboxLeaseMs, state.at);
    const update = { ...append, $set: { ...append.$set, ...state.fields, version: state.version, updatedAt: state.at } };
    const updated = await this.collection.findOneAndUpdate(
      { _id: state.id as never, version: expected },
      // The driver's generic typing cannot express $push on a schemaless collection.
      update as unknown as mongo.UpdateFilter<mongo.Document>,
      { returnDocument: 'after' },
    );
    if (!updated) return undefined;
    const written = updated as unknown as OutboxDocument;
    return { _id: state.id, outbox: written.outbox, outboxSeq: written.outboxSeq, outboxPending: true };
  }

  async findById(id: string): Promise<VersionedRecord<TFields> | null> {
    return this.collection.findOne<VersionedRecord<TFields>>({ _id: id as never }, { projection: OUTBOX_HIDDEN });
  }

  /** Up to `limit` records ordered by `sortField`. */
  async list(sortField: keyof TFields & string, limit = 500): Promise<Array<VersionedRecord<TFields>>> {
    return this.collection.find<VersionedRecord<TFields>>({}, { projection: OUTBOX_HIDDEN }).sort({ [sortField]: 1 }).limit(limit).toArray();
  }
}

const OUTBOX_HIDDEN = { outbox: 0, outboxSeq: 0, outboxPending: 0, outboxLeaseUntil: 0 };
