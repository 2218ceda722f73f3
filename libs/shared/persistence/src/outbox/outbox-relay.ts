import { CloudEvent } from '@itsm/contracts';
import { outboxRelayLag, trackOutboxBacklog } from '@itsm/metrics';
import { Logger } from '@nestjs/common';
import { mongo } from 'mongoose';
import { boundedBulkWrite } from '../bounded-bulk-write/bounded-bulk-write';
import { DocumentWriteLock } from '../document-write-lock';
import { OutboxFields } from './outbox.schema';

/** Where the relay publishes; MessagePublisher fits. Resolves once the broker confirmed. */
export interface OutboxEventSink {
  publish(event: CloudEvent): Promise<void>;
}

export interface OutboxRelayOptions {
  /** How long a relay owns a document's outbox before another may take over. */
  leaseMs: number;
  /** How often to look for outboxes whose lease ran out (a crashed writer's). */
  sweepIntervalMs: number;
  /** Documents published per round trip. */
  batchSize: number;
}

export type OutboxDocument = OutboxFields & { _id: string };

/**
 * Publishes the events that aggregates wrote into their outbox, then marks
 * them sent. Writers hand over what they just wrote (publishSoon); a
 * periodic sweep publishes whatever a crashed process left behind. Delivery is
 * at least once: a crash between publish and mark-sent publishes again, and
 * consumers deduplicate by event id.
 */
export class OutboxRelay {
  private readonly logger: Logger;
  /** Shared with the aggregate's writers: marking sent must not overwrite a revision (see DocumentWriteLock). */
  private readonly writeLock: DocumentWriteLock;
  private readonly queued = new Map<string, OutboxDocument>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private flushScheduled = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly collection: mongo.Collection<OutboxDocument>,
    private readonly sink: OutboxEventSink,
    private readonly options: OutboxRelayOptions,
  ) {
    this.logger = new Logger(`OutboxRelay:${collection.collectionName}`);
    this.writeLock = DocumentWriteLock.of(collection);
    trackOutboxBacklog(collection.collectionName, () => collection.countDocuments({ outboxPending: true }));
  }

  /**
   * For a document this process has just written (and so holds the lease of):
   * publishes the events from memory, with no read back, then marks them sent.
   * Documents written close together share one round trip.
   */
  publishSoon(document: OutboxDocument): void {
    this.queued.set(document._id, document);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const documents = [...this.queued.values()];
      this.queued.clear();
      for (let start = 0; start < documents.length; start += this.options.batchSize) {
        this.track(this.publishDocuments(documents.slice(start, start + this.options.batchSize)));
      }
    });
  }

  /** Claims outboxes whose lease ran out and publishes them. Returns how many documents it took. */
  async sweep(now: Date = new Date()): Promise<number> {
    const lapsed = { outboxPending: true, outboxLeaseUntil: { $lt: now } };
    const due = await this.collection.find(lapsed, { projection: { _id: 1 } }).limit(this.options.batchSize).toArray();
    const claimed: OutboxDocument[] = [];
    for (const { _id } of due) {
      // Still lapsed when claimed: another relay or the writer may have taken it since the find.
      const document = await this.writeLock.run([_id], () =>
        this.collection.findOneAndUpdate({ _id, ...lapsed }, { $set: { outboxLeaseUntil: new Date(now.getTime() + this.options.leaseMs) } }),
      );
      if (document) claimed.push(document);
    }
    if (claimed.length > 0) {
      this.logger.log(`recovering ${claimed.length} unpublished outbox(es)`);
      await this.publishDocuments(claimed);
    }
    return claimed.length;
  }

  /** Starts the periodic sweep (and sweeps once now); a relay already sweeping keeps its one timer. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.track(this.sweep()), this.options.sweepIntervalMs);
    this.timer.unref();
    this.track(this.sweep());
  }

  /** Stops sweeping and waits for publishes under way, hand-overs included. May be called again to drain later ones. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    while (this.inFlight.size > 0 || this.flushScheduled) {
      await Promise.allSettled([...this.inFlight, new Promise((resolve) => setImmediate(resolve))]);
    }
  }

  private track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => this.logger.warn(`outbox relay round failed, will retry: ${String(error)}`))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private async publishDocuments(documents: readonly OutboxDocument[]): Promise<void> {
    const published = await Promise.all(documents.map((document) => this.publishOutbox(document)));
    const sent = published.filter((document): document is OutboxDocument => document !== undefined);
    if (sent.length === 0) return;
    await this.writeLock.run(
      sent.map((document) => document._id),
      () =>
        boundedBulkWrite(
          this.collection,
          sent.map((document) => ({
            updateOne: {
              // Only if nothing was appended meanwhile; otherwise the next round publishes the lot again.
              filter: { _id: document._id, outboxSeq: document.outboxSeq },
              update: { $set: { outbox: [], outboxPending: false }, $unset: { outboxLeaseUntil: 1 } },
            },
          })),
        ),
    );
  }

  private async publishOutbox(document: OutboxDocument): Promise<OutboxDocument | undefined> {
    try {
      const entries = [...document.outbox].sort((a, b) => a.seq - b.seq);
      for (const entry of entries) {
        await this.sink.publish(entry.event);
        outboxRelayLag.observe({ collection: this.collection.collectionName }, Math.max(0, Date.now() - Date.parse(entry.event.time)) / 1000);
      }
      return document;
    } catch (error) {
      this.logger.warn(`publishing the outbox of ${document._id} failed, the sweep will retry: ${String(error)}`);
      return undefined;
    }
  }
}
