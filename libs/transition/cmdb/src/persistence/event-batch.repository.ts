import { CloudEvent, uuidV7 } from '@itsm/contracts';
import { MessagePublisher } from '@itsm/messaging';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { readEach } from './equality-reads';
import { EventBatchRecord } from './event-batch.schema';
import { insertUnordered } from './insert-unordered';

/** A new record of a bulk write: stored as it is; every record of one call has the same `createdAt`. */
export interface NewRecord {
  _id: string;
  createdAt: Date;
}

/** A record a batch may store, and the events it emits if stored. */
interface Candidate {
  id: string;
  events: CloudEvent[];
}

interface StoredEventBatch {
  _id: string;
  targetCollection: string;
  createdAt: Date;
  until: Date;
  candidates: Candidate[];
}

/**
 * How long a batch belongs to its writer before recovery takes it as its writer's, crashed: far beyond an
 * unordered insert of a batch and the publishing of its events (about a second for a thousand records here).
 */
export const EVENT_BATCH_LEASE_MS = 60_000;

/** How often each instance looks for batches whose writer is gone. */
const RECOVERY_INTERVAL_MS = 15_000;

/** Publishes awaiting their confirms at once: the events of a batch are about different records, so no order among them means anything. */
const EVENTS_IN_FLIGHT = 100;

/**
 * Creates records in bulk with their events written ONCE per batch (`cmdb_event_batches`), not in an outbox
 * per record: on FerretDB marking a record's outbox sent is an update that rewrites the record (about
 * 1.7 ms each, docs/BENCHMARKS.md "CMDB import"), which dominated a 250,000-record import.
 *
 * Without transactions the records and their events cannot be one write, so:
 * 1. the batch is inserted first, with every candidate record's events (what would be published if it is stored);
 * 2. the records, one unordered insertMany, each with the batch's `createdAt`;
 * 3. the events of the records stored are published (with confirms, from memory), then the batch is deleted.
 * A batch left behind (its writer died, or publishing failed) is taken up after EVENT_BATCH_LEASE_MS by any
 * instance's recovery: it publishes the events of the candidates that exist with the batch's `createdAt`
 * (one equality read each), then deletes it. So no stored record's event is lost and none is published for
 * a record that was not stored (a duplicate, a write that never happened). A writer slower than the lease
 * and the recovery may both publish an event: events keep their ids, which consumers deduplicate by, as after
 * any outbox's redelivery.
 */
@Injectable()
export class EventBatchRepository implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(EventBatchRepository.name);
  private readonly batches: mongo.Collection<StoredEventBatch>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private recovering: Promise<number> | undefined;

  constructor(
    @InjectModel(EventBatchRecord.name) private readonly model: Model<EventBatchRecord>,
    private readonly publisher: MessagePublisher,
  ) {
    this.batches = model.collection as unknown as mongo.Collection<StoredEventBatch>;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.track(this.recoverOnce()), RECOVERY_INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * Stops recovering and waits for the publishing under way, before the broker connection closes and again
   * after the HTTP server has (its last imports); what a closed connection keeps from going out stays in its
   * batch, which recovery publishes later.
   */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }

  private async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Inserts `records` into `target` with one unordered insertMany, and publishes the events `emit` makes
   * for each one stored (see the class); the publishing goes on after this returns. Returns the error of
   * each record not stored, by index (a duplicate key: the record exists already); throws for a failure
   * that does not account for the records one by one (recovery publishes what was stored).
   */
  async insertWithEvents<TRecord extends NewRecord>(target: mongo.Collection, records: readonly TRecord[], emit: (record: TRecord) => CloudEvent[]): Promise<Map<number, unknown>> {
    if (records.length === 0) return new Map();
    const candidates = records.map((record) => ({ id: record._id, events: emit(record) }));
    const batch: StoredEventBatch = { _id: uuidV7(), targetCollection: target.collectionName, createdAt: (records[0] as TRecord).createdAt, until: new Date(Date.now() + EVENT_BATCH_LEASE_MS), candidates };
    await this.batches.insertOne(batch);
    const failed = await insertUnordered(target, records);
    this.track(this.publish(batch, candidates.filter((_, index) => !failed.has(index))));
    return failed;
  }

  /**
   * Publishes the events of the batches whose lease ran out by `now` (their writer is gone, or its publishing
   * failed) for the records they stored, and deletes them. Returns how many it published. Run by every
   * instance every 15 s.
   */
  async recover(now: Date = new Date()): Promise<number> {
    // Only batches not yet published are kept, so there are few: read them all.
    const lapsed = (await this.batches.find({}, { projection: { until: 1 } }).toArray()).filter((batch) => batch.until.getTime() <= now.getTime());
    let published = 0;
    for (const { _id } of lapsed) {
      const batch = await this.batches.findOne({ _id });
      if (!batch) continue; // published meanwhile
      const target = this.model.db.collection(batch.targetCollection) as unknown as mongo.Collection<NewRecord>;
      const found = await readEach(batch.candidates, (candidate) => target.findOne({ _id: candidate.id, createdAt: batch.createdAt }, { projection: { _id: 1 } }));
      await this.publish(batch, batch.candidates.filter((_, index) => found[index] !== null));
      published += 1;
    }
    if (published > 0) this.logger.warn(`published ${published} event batch(es) whose writer had stopped before publishing them`);
    return published;
  }

  /** Publishes the events of `stored` (many in flight), then deletes the batch: a failure leaves it to recovery. */
  private async publish(batch: StoredEventBatch, stored: readonly Candidate[]): Promise<void> {
    const events = stored.flatMap(({ events: emitted }) => emitted);
    for (let start = 0; start < events.length; start += EVENTS_IN_FLIGHT) {
      await Promise.all(events.slice(start, start + EVENTS_IN_FLIGHT).map((event) => this.publisher.publish(event)));
    }
    await this.batches.deleteOne({ _id: batch._id });
  }

  private recoverOnce(): Promise<number> {
    this.recovering ??= this.recover().finally(() => (this.recovering = undefined));
    return this.recovering;
  }

  private track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => this.logger.warn(`publishing an event batch failed, its recovery will retry: ${String(error)}`))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
