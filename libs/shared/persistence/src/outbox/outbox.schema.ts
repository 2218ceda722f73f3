import { CloudEvent } from '@itsm/contracts';
import { Schema } from 'mongoose';

/**
 * Transactional outbox kept inside the aggregate's own document: the state
 * change and the events it emits land in ONE single-document write, which
 * both MongoDB and FerretDB make atomic without transactions.
 */
export interface OutboxEntry {
  seq: number;
  event: CloudEvent;
}

export interface OutboxFields {
  /** Events written but not yet confirmed by the broker. Emptied once published. */
  outbox: OutboxEntry[];
  /** Number of events ever appended; guards the relay's "mark sent" against a concurrent append. */
  outboxSeq: number;
  /** Indexed flag so the relay finds pending documents without scanning arrays. */
  outboxPending: boolean;
  /** A relay holds the document until then; after it, any relay may publish (crash recovery). */
  outboxLeaseUntil?: Date;
}

const OutboxEntrySchema = new Schema<OutboxEntry>(
  { seq: { type: Number, required: true }, event: { type: Schema.Types.Mixed, required: true } },
  { _id: false },
);

/**
 * How long the writer of an outbox holds it before any relay's sweep may publish
 * it instead: far beyond a publish with confirms, short enough that events a
 * crashed process left behind go out within a minute.
 */
export const OUTBOX_LEASE_MS = 30_000;

/** Adds the outbox fields and the relay's index to an aggregate schema. */
export function addOutbox(schema: Schema): void {
  schema.add({
    outbox: { type: [OutboxEntrySchema], default: [] },
    outboxSeq: { type: Number, default: 0 },
    outboxPending: { type: Boolean, default: false },
    outboxLeaseUntil: { type: Date },
  });
  schema.index({ outboxPending: 1, outboxLeaseUntil: 1 });
}

/**
 * Update that appends events to an existing aggregate's outbox in the same
 * write as its state change. `currentSeq` is the outboxSeq the caller read;
 * guard the write with the aggregate's own version so no append races it.
 */
export function appendToOutbox(currentSeq: number, events: readonly CloudEvent[], leaseMs: number = OUTBOX_LEASE_MS, now: Date = new Date()) {
  return {
    $push: { outbox: { $each: events.map((event, index) => ({ seq: currentSeq + index + 1, event })) } },
    $set: { outboxSeq: currentSeq + events.length, outboxPending: true, outboxLeaseUntil: new Date(now.getTime() + leaseMs) },
  };
}

/**
 * Outbox fields of a newly created aggregate. The creator holds the lease so
 * it can publish at once; if it dies first, the lease runs out and the sweep
 * of any relay publishes instead.
 */
export function newOutbox(events: readonly CloudEvent[], leaseMs: number = OUTBOX_LEASE_MS, now: Date = new Date()): OutboxFields {
  return {
    outbox: events.map((event, index) => ({ seq: index + 1, event })),
    outboxSeq: events.length,
    outboxPending: events.length > 0,
    outboxLeaseUntil: new Date(now.getTime() + leaseMs),
  };
}
