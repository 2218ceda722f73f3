import { CloudEvent, DEAD_LETTER_CAUSE_HEADER, DEAD_LETTER_DETAIL_HEADER, DEAD_LETTER_QUEUE_HEADER, DEAD_LETTER_REASON_HEADER, ParkCause } from '@itsm/contracts';
import { parseCloudEvent } from '@itsm/contracts/catalog';
import { addLogContext, withLogContext } from '@itsm/logging';
import { messageHandlingDuration, messageTypeLabel, messagesConsumed, messagesRetried } from '@itsm/metrics';
import { Logger } from '@nestjs/common';
import { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { AmqpConnection } from './amqp-connection';
import { isLastDelivery, retryDelay } from './delivery-count';
import { failureOutcome, publicReason } from './failure-outcome';
import { QueueConsumer, QueueSubscription } from './queue-subscription';
import { QueueSpec, declareQueue } from './topology';

export interface ReceivedMessage {
  event: CloudEvent<object>;
  /** True when the broker delivered this message before (a consumer died or rejected it). */
  redelivered: boolean;
}

export type ReceivedMessageHandler = (message: ReceivedMessage) => Promise<void>;

export interface QueueConsumerOptions {
  queue: QueueSpec;
  /** Unacknowledged messages in flight per consumer; bounds memory and spreads load across instances. */
  prefetch: number;
  handle: ReceivedMessageHandler;
  /** First retry delay; doubles per delivery (with jitter) up to 30 s. Default 500 ms. */
  retryBaseDelayMs?: number;
}

/**
 * Consumes a queue with manual acknowledgement:
 * - a body that is not a valid CloudEvent of a known type, or a handler failure
 *   that can never succeed (see failureOutcome), is parked at once with the
 *   reason in headers (see `park`);
 * - any other handler failure rejects with requeue, and the quorum queue's
 *   delivery limit parks the message after a few attempts (the last attempt's
 *   failure is logged as an error, with the message's correlation id);
 * - success acks. Handlers must be idempotent: a message can come again.
 * The service's parking monitor (monitorParking) logs, counts and reports every parked message.
 * The consumer subscribes again when the broker cancels it (QueueSubscription).
 */
export function consumeQueue(connection: AmqpConnection, options: QueueConsumerOptions): Promise<QueueConsumer> {
  const logger = new Logger(`QueueConsumer:${options.queue.name}`);
  return QueueSubscription.start(connection, {
    queue: options.queue.name,
    logger,
    prepare: async (channel) => {
      await declareQueue(channel, options.queue);
      await channel.prefetch(options.prefetch);
    },
    // Detached on purpose, so up to `prefetch` messages are handled at once: deliver catches the
    // handler's errors and settles every outcome itself (ack, retry or park). Each in a log context of
    // its own, so every line about the message (the handler's too) names it.
    receive: (channel, message) =>
      void withLogContext({ messageId: message.properties.messageId as string | undefined }, () => deliver(channel, message, options, logger)),
  });
}

async function deliver(channel: ConfirmChannel, message: ConsumeMessage, options: QueueConsumerOptions, logger: Logger): Promise<void> {
  const parsed = parseCloudEvent(message.content);
  if (!parsed.ok) {
    return park(channel, message, options.queue, { cause: 'invalid', reason: parsed.reason, detail: parsed.reason }, logger);
  }
  addLogContext({ correlationId: parsed.event.correlationid, actorId: parsed.event.actorid, messageType: parsed.event.type });
  const { event } = parsed;
  const labels = { queue: options.queue.name, type: messageTypeLabel(event.type) };
  const stopTimer = messageHandlingDuration.startTimer(labels);
  try {
    await options.handle({ event, redelivered: message.fields.redelivered });
  } catch (error) {
    stopTimer();
    const outcome = failureOutcome(error);
    if (outcome.action === 'park') {
      return park(channel, message, options.queue, { cause: 'rejected', reason: outcome.reason, detail: publicReason(error) }, logger);
    }
    const delayMs = retryDelay(message, options.retryBaseDelayMs ?? 500);
    messagesRetried.inc(labels);
    if (isLastDelivery(message, options.queue.deliveryLimit)) {
      // The broker parks it when this reject comes back; no later delivery will say why, so this line does.
      logger.error(`handling ${event.type} ${event.id} (correlation ${event.correlationid}) failed on its last delivery; the queue's delivery limit parks it: ${outcome.reason}`);
    } else {
      logger.warn(`handling ${event.type} ${event.id} (correlation ${event.correlationid}) failed, retrying in ${delayMs} ms: ${outcome.reason}`);
    }
    // Holding the message before the reject backs off (and keeps its prefetch slot, which slows intake while
    // a dependency is down); reject, unlike nack, counts toward the delivery limit on every RabbitMQ version.
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return settle(() => channel.reject(message, true), logger);
  }
  stopTimer();
  messagesConsumed.inc(labels);
  settle(() => channel.ack(message), logger);
  logger.debug(`handled ${parsed.event.type} ${parsed.event.id}`);
}

interface ParkingNote {
  cause: ParkCause;
  /** In full, for operators. */
  reason: string;
  /** For whoever sent the request: no server internals. */
  detail: string;
}

/**
 * Publishes the message, unchanged, to the queue's dead-letter exchange with why (cause, reason, detail
 * and the queue it came from, in headers), then acks it. The parking monitor logs it as an error.
 */
async function park(channel: ConfirmChannel, message: ConsumeMessage, queue: QueueSpec, note: ParkingNote, logger: Logger): Promise<void> {
  logger.warn(`parking message ${String(message.properties.messageId ?? '(no id)')} (${note.cause}): ${note.reason}`);
  // The work queue's delivery count would read as the parking monitor's own.
  const { 'x-delivery-count': _deliveries, ...kept } = (message.properties.headers ?? {}) as Record<string, unknown>;
  const headers = {
    ...kept,
    [DEAD_LETTER_REASON_HEADER]: note.reason.slice(0, 1000),
    [DEAD_LETTER_DETAIL_HEADER]: note.detail.slice(0, 1000),
    [DEAD_LETTER_CAUSE_HEADER]: note.cause,
    [DEAD_LETTER_QUEUE_HEADER]: queue.name,
  };
  try {
    await new Promise<void>((resolve, reject) =>
      channel.publish(queue.deadLetterExchange, message.fields.routingKey, message.content, { ...message.properties, headers, persistent: true }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  } catch (error) {
    logger.warn(`could not park the message, leaving it for redelivery: ${String(error)}`);
    return;
  }
  settle(() => channel.ack(message), logger);
}

/** Ack or reject; on a channel that already closed the broker redelivers, so there is nothing left to do. */
export function settle(action: () => void, logger: Logger): void {
  try {
    action();
  } catch (error) {
    logger.warn(`could not settle a message (the broker will redeliver it): ${String(error)}`);
  }
}
