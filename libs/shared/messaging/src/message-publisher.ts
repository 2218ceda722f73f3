import { CLOUDEVENTS_CONTENT_TYPE, CloudEvent, ITSM_EVENTS_EXCHANGE } from '@itsm/contracts';
import { messageTypeLabel, messagesPublished, messagesRefused } from '@itsm/metrics';
import { ConfirmChannel, ConsumeMessage, Options } from 'amqplib';
import { AmqpConnection } from './amqp-connection';
import { BrokerUnavailableError, PublishRefusedError, UnroutableMessageError } from './messaging-errors';
import { QueueSpec, declareExchanges, declareQueue } from './topology';

export interface PublishTarget {
  /** Defaults to the itsm.events topic exchange. */
  exchange?: string;
  /** Defaults to the event type, the platform's routing-key convention. */
  routingKey?: string;
  /** Fail with UnroutableMessageError when no queue is bound (commands must reach their queue). */
  mandatory?: boolean;
  headers?: Record<string, string>;
}

/**
 * Publishes CloudEvents in structured mode on a confirm channel and resolves
 * only once the broker has taken responsibility for the message.
 */
export class MessagePublisher {
  private channel: ConfirmChannel | undefined;
  private readonly returned = new Set<string>();
  private drained: Promise<void> = Promise.resolve();

  /** Opens a publisher whose channel is recreated after every reconnection; also declares `queues` so commands always have a home. */
  static async attach(connection: AmqpConnection, queues: readonly QueueSpec[] = []): Promise<MessagePublisher> {
    const publisher = new MessagePublisher();
    await connection.addSetup(async (model) => {
      const channel = await model.createConfirmChannel();
      await declareExchanges(channel);
      for (const queue of queues) await declareQueue(channel, queue);
      channel.on('return', (message: ConsumeMessage) => {
        if (message.properties.messageId) publisher.returned.add(String(message.properties.messageId));
      });
      channel.on('close', () => {
        if (publisher.channel === channel) publisher.channel = undefined;
      });
      channel.on('error', () => undefined);
      publisher.channel = channel;
      publisher.drained = Promise.resolve();
    });
    return publisher;
  }

  get isReady(): boolean {
    return this.channel !== undefined;
  }

  async publish(event: CloudEvent, target: PublishTarget = {}): Promise<void> {
    const body = Buffer.from(JSON.stringify(event));
    await this.publishRaw(target.exchange ?? ITSM_EVENTS_EXCHANGE, target.routingKey ?? event.type, body, {
      contentType: CLOUDEVENTS_CONTENT_TYPE,
      messageId: event.id,
      type: event.type,
      correlationId: event.correlationid,
      appId: event.source,
      timestamp: Math.floor(Date.parse(event.time) / 1000),
      mandatory: target.mandatory ?? false,
      headers: target.headers,
    });
  }

  /** Publishes bytes as they are (used to park a message that is not a valid event). */
  async publishRaw(exchange: string, routingKey: string, body: Buffer, options: Options.Publish): Promise<void> {
    await this.drained;
    const channel = this.channel;
    if (!channel) throw new BrokerUnavailableError('not connected to the message broker');
    const messageId = options.messageId === undefined ? undefined : String(options.messageId);
    await new Promise<void>((resolve, reject) => {
      const confirmed = (error: unknown): void => {
        if (isNegativeConfirm(error)) {
          messagesRefused.inc({ exchange, type: messageTypeLabel(options.type) });
          return reject(new PublishRefusedError(`the broker refused the message to ${exchange} for ${routingKey} (a queue at its length limit?)`));
        }
        if (error) return reject(new BrokerUnavailableError(`broker did not confirm the message: ${String(error)}`));
        if (messageId !== undefined && this.returned.delete(messageId)) {
          return reject(new UnroutableMessageError(`no queue is bound to ${exchange} for ${routingKey}`));
        }
        messagesPublished.inc({ exchange, type: messageTypeLabel(options.type) });
        resolve();
      };
      try {
        const accepted = channel.publish(exchange, routingKey, body, { ...options, persistent: true }, confirmed);
        if (!accepted) this.drained = new Promise((done) => channel.once('drain', () => done()));
      } catch (error) {
        reject(new BrokerUnavailableError(`cannot publish: ${String(error)}`));
      }
    });
  }
}

/**
 * amqplib hands a confirm callback `Error('message nacked')` for a basic.nack and `Error('channel
 * closed')` when the channel closed before the confirm: only the first is a refusal (nothing enqueued);
 * after the second, whether the broker took the message is unknown.
 */
function isNegativeConfirm(error: unknown): boolean {
  return error instanceof Error && error.message === 'message nacked';
}
