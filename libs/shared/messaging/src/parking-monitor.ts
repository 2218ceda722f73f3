import { DEAD_LETTER_CAUSE_HEADER, DEAD_LETTER_DETAIL_HEADER, DEAD_LETTER_QUEUE_HEADER, DEAD_LETTER_REASON_HEADER, PARK_CAUSES, ParkCause, parkingMonitorQueue } from '@itsm/contracts';
import { messageTypeLabel, messagesParked } from '@itsm/metrics';
import { Logger } from '@nestjs/common';
import { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { AmqpConnection } from './amqp-connection';
import { isLastDelivery, retryDelay } from './delivery-count';
import { settle } from './queue-consumer';
import { QueueConsumer, QueueSubscription } from './queue-subscription';
import { QueueSpec, declareQueue } from './topology';

/** A message that reached a parking queue, as far as it can still be told. */
export interface ParkedMessage {
  /** The work queue it was parked from. */
  queue: string;
  /** Its type as it claims it (the body's `type`, else the AMQP `type`); `unknown` when it names none. */
  type: string;
  messageId?: string;
  correlationId?: string;
  /** The body's `subject` (the id of the record it is about), when it has one. */
  subject?: string;
  /** The body's `actorid`, when it has one. */
  actorId?: string;
  /** The body as JSON, not validated (a message parked as invalid failed its contract); undefined when it is not JSON. */
  body: unknown;
  cause: ParkCause;
  /** Why, in full, for operators. */
  reason: string;
  /** Why, in words fit for whoever sent the request; no server internals. */
  detail: string;
}

/** What a service does with each parked message besides logging and counting it (e.g. record a rejected report). */
export type ParkedMessageHandler = (parked: ParkedMessage) => Promise<void>;

export interface ParkingMonitorOptions {
  /** A work queue of the service; its dead-letter path names the parking queue watched. */
  queue: QueueSpec;
  onParked?: ParkedMessageHandler;
  /** First retry delay of a failing `onParked`; doubles per delivery up to 30 s. Default 500 ms. */
  retryBaseDelayMs?: number;
}

/**
 * Consumes the parking monitor queue of a service's dead-letter path (see `parkingMonitorQueue`): a copy
 * of every message parked, whether a consumer parked it (invalid, rejected) or the broker did (at the
 * delivery limit, where no consumer saw the last failure). Each one is logged as an error with its
 * reason and correlation id, counted (`itsm_messages_parked_total`), and handed to `onParked`; a
 * failing `onParked` is retried until the monitor queue's own delivery limit, then logged and dropped
 * (the message itself stays in the parking queue). The parking queue is left to operators.
 */
export function monitorParking(connection: AmqpConnection, options: ParkingMonitorOptions): Promise<QueueConsumer> {
  const monitorQueue = parkingMonitorQueue(options.queue.parkingQueue);
  const logger = new Logger(`ParkingMonitor:${monitorQueue}`);
  return QueueSubscription.start(connection, {
    queue: monitorQueue,
    logger,
    prepare: async (channel) => {
      await declareQueue(channel, options.queue);
      await channel.prefetch(10);
    },
    receive: (channel, message) => void observe(channel, message, options, logger),
  });
}

async function observe(channel: ConfirmChannel, message: ConsumeMessage, options: ParkingMonitorOptions, logger: Logger): Promise<void> {
  const parked = describeParked(message);
  const which = `${parked.type} ${parked.messageId ?? '(no id)'} from ${parked.queue} (correlation ${parked.correlationId ?? 'none'})`;
  let unreported = '';
  try {
    await options.onParked?.(parked);
  } catch (error) {
    if (!isLastDelivery(message, options.queue.deliveryLimit)) {
      const delayMs = retryDelay(message, options.retryBaseDelayMs ?? 500);
      logger.warn(`could not report the parked message ${which}, retrying in ${delayMs} ms: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return settle(() => channel.reject(message, true), logger);
    }
    unreported = `; reporting it failed on every attempt, last: ${String(error)}`;
  }
  logger.error(`parked ${which}, ${parked.cause}: ${parked.reason}${unreported}`);
  messagesParked.inc({ queue: parked.queue, type: messageTypeLabel(parked.type), cause: parked.cause });
  settle(() => channel.ack(message), logger);
}

/** What the headers and body of a parked message tell: ours when a consumer parked it, the broker's `x-death` otherwise. */
export function describeParked(message: ConsumeMessage): ParkedMessage {
  const headers = (message.properties.headers ?? {}) as Record<string, unknown>;
  const deaths = headers['x-death'];
  const death = (Array.isArray(deaths) ? deaths[0] : undefined) as { reason?: unknown; queue?: unknown } | undefined;
  const body = parseJson(message.content);
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const claimedCause = text(headers[DEAD_LETTER_CAUSE_HEADER]);
  const cause: ParkCause = PARK_CAUSES.find((known) => known === claimedCause) ?? (death?.reason === 'delivery_limit' ? 'delivery-limit' : 'dead-lettered');
  const brokerReason =
    cause === 'delivery-limit'
      ? 'the broker parked it at the delivery limit of its queue: it failed on every delivery (the last failure is logged with its id)'
      : `the broker dead-lettered it (${text(death?.reason) ?? 'no reason given'})`;
  return {
    queue: text(headers[DEAD_LETTER_QUEUE_HEADER]) ?? text(death?.queue) ?? 'unknown',
    type: text(envelope['type']) ?? text(message.properties.type) ?? 'unknown',
    messageId: text(message.properties.messageId) ?? text(envelope['id']),
    correlationId: text(message.properties.correlationId) ?? text(envelope['correlationid']),
    subject: text(envelope['subject']),
    actorId: text(envelope['actorid']),
    body,
    cause,
    reason: text(headers[DEAD_LETTER_REASON_HEADER]) ?? brokerReason,
    detail: text(headers[DEAD_LETTER_DETAIL_HEADER]) ?? (cause === 'delivery-limit' ? 'processing it failed on every attempt' : 'it could not be processed'),
  };
}

function text(value: unknown): string | undefined {
  if (Buffer.isBuffer(value)) return value.length > 0 ? value.toString('utf8') : undefined;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function parseJson(content: Buffer): unknown {
  try {
    return JSON.parse(content.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
