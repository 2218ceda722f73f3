import { CloudEvent, DEAD_LETTER_QUEUE_HEADER, DEAD_LETTER_REASON_HEADER } from '@itsm/contracts';
import { parseCloudEvent } from '@itsm/contracts/catalog';
import { addLogContext, withLogContext } from '@itsm/logging';
import { Logger } from '@nestjs/common';
import { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { AmqpConnection } from './amqp-connection';
import { failureOutcome } from './failure-outcome';
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

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Consumes a queue with manual acknowledgement:
 * - a body that is not a valid CloudEvent of a known type, or a handler failure
 *   that can never succeed (see failureOutcome), is parked at once with the
 *   reason in a header;
 * - any other handler failure rejects with requeue, and the quorum queue's
 *   delivery limit parks the message after a few attempts;
 * - success acks. Handlers must be idempotent: a message can come again.
 */
export async function consumeQueue(connection: AmqpConnection, options: QueueConsumerOptions): Promise<void> {
  const logger = new Logger(`QueueConsumer:${options.queue.name}`);
  await connection.addSetup(async (model) => {
    const channel = await model.createConfirmChannel();
    channel.on('error', (error: Error) => logger.warn(`channel error: ${error.message}`));
    await declareQueue(channel, options.queue);
    await channel.prefetch(options.prefetch);
    await channel.consume(
      options.queue.name,
      (message) => {
        // Detached on purpose, so up to `prefetch` messages are handled at once: deliver catches the
        // handler's errors and settles every outcome itself (ack, retry or park). Each in a log context of
        // its own, so every line about the message (the handler's too) names it.
        if (message) void withLogContext({ messageId: message.properties.messageId as string | undefined }, () => deliver(channel, message, options, logger));
      },
      { noAck: false },
    );
  });
}

async function deliver(channel: ConfirmChannel, message: ConsumeMessage, options: QueueConsumerOptions, logger: Logger): Promise<void> {
  const parsed = parseCloudEvent(message.content);
  if (!parsed.ok) {
    return park(channel, message, options.queue, parsed.reason, logger);
  }
  addLogContext({ correlationId: parsed.event.correlationid, actorId: parsed.event.actorid, messageType: parsed.event.type });
  try {
    await options.handle({ event: parsed.event, redelivered: message.fields.redelivered });
  } catch (error) {
    const outcome = failureOutcome(error);
    if (outcome.action === 'park') {
      return park(channel, message, options.queue, outcome.reason, logger);
    }
    const delayMs = retryDelay(message, options.retryBaseDelayMs ?? 500);
    logger.warn(`handling ${parsed.event.type} ${parsed.event.id} failed, retrying in ${delayMs} ms: ${outcome.reason}`);
    // Holding the message before the reject backs off (and keeps its prefetch slot, which slows intake while
    // a dependency is down); reject, unlike nack, counts toward the delivery limit on every RabbitMQ version.
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return settle(() => channel.reject(message, true), logger);
  }
  settle(() => channel.ack(message), logger);
  logger.debug(`handled ${parsed.event.type} ${parsed.event.id}`);
}

/** Exponential backoff from the quorum queue's delivery count, with jitter so competing consumers spread out. */
function retryDelay(message: ConsumeMessage, baseDelayMs: number): number {
  const deliveries = Number(message.properties.headers?.['x-delivery-count'] ?? 0);
  const exponential = Math.min(MAX_RETRY_DELAY_MS, baseDelayMs * 2 ** deliveries);
  return Math.round(exponential * (0.5 + Math.random() / 2));
}

/** Publishes the message, unchanged, to the queue's dead-letter exchange with the reason, then acks it. */
async function park(channel: ConfirmChannel, message: ConsumeMessage, queue: QueueSpec, reason: string, logger: Logger): Promise<void> {
  logger.warn(`parking message ${String(message.properties.messageId ?? '(no id)')}: ${reason}`);
  const headers = {
    ...message.properties.headers,
    [DEAD_LETTER_REASON_HEADER]: reason.slice(0, 1000),
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
function settle(action: () => void, logger: Logger): void {
  try {
    action();
  } catch (error) {
    logger.warn(`could not settle a message (the broker will redeliver it): ${String(error)}`);
  }
}
