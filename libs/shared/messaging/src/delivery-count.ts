import { ConsumeMessage } from 'amqplib';

/** A quorum queue's count of earlier deliveries of this message (`x-delivery-count`, absent on the first). */
export function deliveryCount(message: ConsumeMessage): number {
  const count = Number(message.properties.headers?.['x-delivery-count'] ?? 0);
  return Number.isFinite(count) ? count : 0;
}

/**
 * Whether this is the last delivery the queue allows: after it fails once more the broker dead-letters
 * the message (a quorum queue delivers a message up to `deliveryLimit` + 1 times).
 */
export function isLastDelivery(message: ConsumeMessage, deliveryLimit: number): boolean {
  return deliveryCount(message) >= deliveryLimit;
}

const MAX_RETRY_DELAY_MS = 30_000;

/** Exponential backoff from the delivery count, with jitter so competing consumers spread out; at most 30 s. */
export function retryDelay(message: ConsumeMessage, baseDelayMs: number): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, baseDelayMs * 2 ** deliveryCount(message));
  return Math.round(exponential * (0.5 + Math.random() / 2));
}
