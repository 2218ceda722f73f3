import { findMessageDefinition } from '@itsm/contracts/catalog';
import { Counter, Gauge, Histogram } from 'prom-client';

/**
 * Every metric the platform's apps export, in one place (README, "Metrics", lists the same names).
 * They live in prom-client's default registry, which `serveMetrics` exposes with Node's process
 * metrics. Labels are bounded: routes are route patterns, not paths, and a message type the
 * catalogue does not know counts as `unknown`, so no sender can grow the label space.
 */

/** HTTP requests by route pattern (`/api/v1/incidents/:id`; `unmatched` for no route), method and status. */
export const httpRequestDuration = new Histogram({
  name: 'itsm_http_request_duration_seconds',
  help: 'Duration of HTTP requests, from arrival to the last byte of the answer, by method, route pattern and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

/** Messages the broker confirmed, by exchange and message type. */
export const messagesPublished = new Counter({
  name: 'itsm_messages_published_total',
  help: 'Messages published and confirmed by the broker, by exchange and message type',
  labelNames: ['exchange', 'type'] as const,
});

/**
 * Messages the broker refused (a negative confirm): a queue at its length limit with overflow
 * `reject-publish` (the intake queue under overload), or a queue that failed to take it. Nothing was
 * enqueued; the publisher reports it as PublishRefusedError (503 with Retry-After over HTTP).
 */
export const messagesRefused = new Counter({
  name: 'itsm_messages_refused_total',
  help: 'Messages the broker refused with a negative confirm (a queue at its length limit), by exchange and message type',
  labelNames: ['exchange', 'type'] as const,
});

/** Messages handled and acknowledged, by queue and message type. */
export const messagesConsumed = new Counter({
  name: 'itsm_messages_consumed_total',
  help: 'Messages handled successfully and acknowledged, by queue and message type',
  labelNames: ['queue', 'type'] as const,
});

/** Handler failures sent back to the queue for another delivery, by queue and message type. */
export const messagesRetried = new Counter({
  name: 'itsm_messages_retried_total',
  help: 'Deliveries whose handler failed with a retryable error and that went back to the queue, by queue and message type',
  labelNames: ['queue', 'type'] as const,
});

/**
 * Messages that reached a service's parking queue, by the work queue they came from, type and cause:
 * `invalid` (not a valid message of a known type), `rejected` (its handler said it can never
 * succeed), `delivery-limit` (it failed on every delivery the queue allows), `dead-lettered` (the
 * broker parked it for another reason). Counted once per message, by the service's parking monitor.
 */
export const messagesParked = new Counter({
  name: 'itsm_messages_parked_total',
  help: 'Messages parked (moved to a parking queue), by the queue they came from, message type and cause',
  labelNames: ['queue', 'type', 'cause'] as const,
});

/** Handler time per delivery, whatever its outcome. */
export const messageHandlingDuration = new Histogram({
  name: 'itsm_message_handling_duration_seconds',
  help: 'Time a handler took per delivery, whatever its outcome, by queue and message type',
  labelNames: ['queue', 'type'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

/** The broker cancelled a consumer (its queue deleted, a node failover); the consumer subscribes again. */
export const consumerCancellations = new Counter({
  name: 'itsm_message_consumer_cancellations_total',
  help: 'Times the broker cancelled a consumer or closed its channel (the consumer then subscribes again), by queue',
  labelNames: ['queue'] as const,
});

/** Accepted incident reports that intake refused after the 202, by cause (the same causes as parked messages). */
export const intakeRejections = new Counter({
  name: 'itsm_intake_rejections_total',
  help: 'Accepted incident reports that intake refused and recorded as rejected, by cause',
  labelNames: ['cause'] as const,
});

/** Time from an event's `time` (written with its state change) to the broker's confirm of its publication. */
export const outboxRelayLag = new Histogram({
  name: 'itsm_outbox_relay_lag_seconds',
  help: 'Time from writing an event into an outbox to the broker confirming its publication, by collection',
  labelNames: ['collection'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
});

const backlogProbes = new Map<string, () => Promise<number>>();

/** Documents whose events are written but not yet published, per collection; counted when scraped. */
export const outboxPendingDocuments = new Gauge({
  name: 'itsm_outbox_pending_documents',
  help: 'Documents whose outbox holds events not yet published, by collection (read from the database when scraped)',
  labelNames: ['collection'] as const,
  async collect() {
    this.reset();
    await Promise.all(
      [...backlogProbes].map(async ([collection, count]) => {
        // A database that does not answer leaves the series out of this scrape rather than failing it.
        const pending = await count().catch(() => undefined);
        if (pending !== undefined) this.set({ collection }, pending);
      }),
    );
  },
});

/** Registers how to count a collection's pending outboxes (one probe per collection; a later one replaces it). */
export function trackOutboxBacklog(collection: string, countPending: () => Promise<number>): void {
  backlogProbes.set(collection, countPending);
}

/** A message type as a label value: the type when the catalogue knows it, else `unknown`. */
export function messageTypeLabel(type: unknown): string {
  return typeof type === 'string' && findMessageDefinition(type) ? type : 'unknown';
}
