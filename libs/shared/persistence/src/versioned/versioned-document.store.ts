import { CloudEvent, NotFoundError, Page, PageRequest, VersionConflictError } from '@itsm/contracts';
import { Schema, mongo } from 'mongoose';
import { OutboxDocument, OutboxRelay } from '../outbox/outbox-relay';
import { OutboxRelays } from '../outbox/outbox-relays';
import { OUTBOX_LEASE_MS, OutboxFields, addOutbox, appendToOutbox, newOutbox } from '../outbox/outbox.schema';
import { DocumentWriteLock } from '../document-write-lock';
import { PageOrder, readPage } from '../paging/read-page';

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

/** A change as stored: the record as it now reads, and the outbox already handed to the relay. */
export interface Written<TFields extends object> {
  record: VersionedRecord<TFields>;
  outbox: OutboxDocument;
}

export type VersionedRecord<TFields extends object> = TFields & { _id: string; version: number; createdAt: Date; updatedAt: Date };

/**
 * Stores versioned definitions with their events in one write per change, and
 * hands those events to the collection's relay as soon as the write is done,
 * so no caller has to. A revision is accepted only if the stored version is
 * still the one the writer read (optimistic concurrency, no transactions needed).
 */
export class VersionedDocumentStore<TFields extends object> {
  private readonly writeLock: DocumentWriteLock;
  private readonly relay: OutboxRelay;

  constructor(
    private readonly collection: mongo.Collection,
    relays: OutboxRelays,
    private readonly outboxLeaseMs: number = OUTBOX_LEASE_MS,
  ) {
    this.writeLock = DocumentWriteLock.of(collection);
    this.relay = relays.relayFor(collection);
  }

  /** Version 1 of a new definition, with the events `emit` makes for it, in one insert. */
  async define(id: string, fields: TFields, emit: (state: VersionedState<TFields>) => CloudEvent[]): Promise<Written<TFields>> {
    const state = { id, version: 1, fields, at: new Date() };
    const outbox = newOutbox(emit(state), this.outboxLeaseMs, state.at);
    const record = { ...fields, _id: id, version: 1, createdAt: state.at, updatedAt: state.at };
    await this.collection.insertOne({ ...record, _id: id as never, ...outbox });
    return this.handOver({ record, outbox: { _id: id, ...outbox } });
  }

  /**
   * The next version, with its events, in one update conditional on `expectedVersion`
   * still being current: 404 when there is no such record, 409 when it moved on.
   */
  async reviseFrom(id: string, expectedVersion: number, fields: TFields, emit: (state: VersionedState<TFields>) => CloudEvent[]): Promise<Written<TFields>> {
    return this.revise(
      id,
      (current) => {
        expectVersion(current, expectedVersion);
        return fields;
      },
      emit,
    );
  }

  /**
   * The next version as `next` makes it from the current record, with its events: one read,
   * then one update conditional on the version read. `next` may refuse by throwing, and may
   * look things up first (a record-level access check against what it reads, a reference to
   * another record): whatever it decides holds for the version written, since a record that
   * moved on meanwhile is not overwritten. 404 when there is no such record, 409 when another
   * writer moved it on. Fields the new version leaves out are removed, so a revision can drop
   * an optional field.
   */
  async revise(
    id: string,
    next: (current: VersionedRecord<TFields>) => TFields | Promise<TFields>,
    emit: (state: VersionedState<TFields>) => CloudEvent[],
  ): Promise<Written<TFields>> {
    // The outbox sequence is read with the record: appended entries are numbered after it.
    const found = await this.collection.findOne<VersionedRecord<TFields> & { outboxSeq: number }>({ _id: id as never }, { projection: OUTBOX_ENTRIES_HIDDEN });
    if (!found) throw new NotFoundError('record', id, `${id} not found`);
    const { outboxSeq, ...current } = found;
    const fields = await next(current as VersionedRecord<TFields>);
    const state = { id, version: current.version + 1, fields, at: new Date() };
    const append = appendToOutbox(outboxSeq, emit(state), this.outboxLeaseMs, state.at);
    const dropped = Object.keys(fieldsOf(current as VersionedRecord<TFields>)).filter((key) => !(key in fields));
    const update = {
      ...append,
      $set: { ...append.$set, ...fields, version: state.version, updatedAt: state.at },
      ...(dropped.length > 0 ? { $unset: Object.fromEntries(dropped.map((key) => [key, ''])) } : {}),
    };
    const updated = await this.writeLock.run([id], () =>
      this.collection.findOneAndUpdate(
        { _id: id as never, version: current.version },
        // The driver's generic typing cannot express $push on a schemaless collection.
        update as unknown as mongo.UpdateFilter<mongo.Document>,
        { returnDocument: 'after' },
      ),
    );
    if (!updated) {
      const latest = await this.findById(id);
      throw stale(id, latest?.version ?? current.version, current.version);
    }
    // FerretDB serves findOneAndUpdate without a projection only, so the outbox is stripped here.
    const { outbox, outboxSeq: seq, outboxPending, outboxLeaseUntil, ...record } = updated as unknown as VersionedRecord<TFields> & OutboxFields;
    return this.handOver({ record: record as VersionedRecord<TFields>, outbox: { _id: id, outbox, outboxSeq: seq, outboxPending, outboxLeaseUntil } });
  }

  /** The writer holds the lease of what it just wrote, so its relay publishes it now, from memory. */
  private handOver(written: Written<TFields>): Written<TFields> {
    this.relay.publishSoon(written.outbox);
    return written;
  }

  async findById(id: string): Promise<VersionedRecord<TFields> | null> {
    return this.collection.findOne<VersionedRecord<TFields>>({ _id: id as never }, { projection: OUTBOX_HIDDEN });
  }

  /** The ids of every record matching `filter` (equality on stored fields), however many: for membership tests. */
  async idsWhere(filter: Partial<Record<keyof TFields & string, unknown>>): Promise<Set<string>> {
    const found = await this.collection.find<{ _id: string }>(filter as mongo.Filter<mongo.Document>, { projection: { _id: 1 } }).toArray();
    return new Set(found.map((record) => record._id));
  }

  /** Which of `ids` exist, in one query. */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const found = await this.collection.find<{ _id: string }>({ _id: { $in: [...new Set(ids)] as never[] } }, { projection: { _id: 1 } }).toArray();
    return new Set(found.map((record) => record._id));
  }

  /**
   * One page of the records matching `filter`, in `order` (readPage): where a criterion's value is
   * undefined it does not filter, so a list's optional query fields can be passed as they come.
   */
  async page(order: PageOrder, request: PageRequest, filter: mongo.Filter<mongo.Document> = {}): Promise<Page<VersionedRecord<TFields>>> {
    return readPage<VersionedRecord<TFields>>(this.collection, definedCriteria(filter), order, request, OUTBOX_HIDDEN);
  }

  /** Every record, in `order`: for reference data sent whole to another service (a replay). */
  async readAll(order: PageOrder): Promise<Array<VersionedRecord<TFields>>> {
    return this.query({}, order);
  }

  /** Every record matching `filter` (undefined criteria do not filter), in `order`: for reports that read a whole period. */
  protected async query(filter: mongo.Filter<mongo.Document>, order: PageOrder): Promise<Array<VersionedRecord<TFields>>> {
    return this.collection.find<VersionedRecord<TFields>>(definedCriteria(filter), { projection: OUTBOX_HIDDEN }).sort(Object.fromEntries(order)).toArray();
  }
}

function definedCriteria(filter: mongo.Filter<mongo.Document>): mongo.Filter<mongo.Document> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}

/** A writer reads the outbox sequence with the record, not the pending entries. */
const OUTBOX_ENTRIES_HIDDEN = { outbox: 0, outboxPending: 0, outboxLeaseUntil: 0 } as const;

/** 409 unless the record is still at the version its writer read. */
export function expectVersion(current: { _id: string; version: number }, expectedVersion: number): void {
  if (current.version !== expectedVersion) throw stale(current._id, current.version, expectedVersion);
}

function stale(id: string, currentVersion: number, expectedVersion: number): VersionConflictError {
  return new VersionConflictError(id, currentVersion, expectedVersion);
}

/** Projection of stored records without their outbox, as every read returns them. */
export const OUTBOX_HIDDEN = { outbox: 0, outboxSeq: 0, outboxPending: 0, outboxLeaseUntil: 0 } as const;

/** A versioned record as APIs show it: `id` instead of `_id`, ISO timestamps. */
export function toVersionedView<TFields extends object>({ _id, createdAt, updatedAt, ...fields }: VersionedRecord<TFields>) {
  return { ...(fields as TFields & { version: number }), id: _id, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

/** The definition fields of a stored record, without what the store keeps beside them. */
export function fieldsOf<TFields extends object>({ _id, version, createdAt, updatedAt, ...fields }: VersionedRecord<TFields>): TFields {
  return fields as unknown as TFields;
}
