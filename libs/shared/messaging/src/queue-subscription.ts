import { consumerCancellations } from '@itsm/metrics';
import { Logger } from '@nestjs/common';
import { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { AmqpConnection } from './amqp-connection';

/** A consumer of one queue, as a readiness probe sees it. */
export interface QueueConsumer {
  readonly queue: string;
  /**
   * True while the broker delivers to it: false before it subscribed, while the connection is down,
   * and after the broker cancelled it or closed its channel until it has subscribed again.
   */
  readonly isConsuming: boolean;
}

export interface SubscriptionOptions {
  queue: string;
  /** Declares what the channel needs (queue, prefetch) before consuming; runs again on every new channel. */
  prepare: (channel: ConfirmChannel) => Promise<void>;
  /** Takes a delivery; must settle it on `channel` (ack or reject) itself. */
  receive: (channel: ConfirmChannel, message: ConsumeMessage) => void;
  logger: Logger;
}

const FIRST_RESUBSCRIBE_DELAY_MS = 100;
const MAX_RESUBSCRIBE_DELAY_MS = 30_000;

/**
 * Keeps one consumer on a queue for as long as the process runs. The connection's recovery re-creates
 * it after a broker restart; this class covers what recovery does not see, because the connection
 * stays up: the broker cancelling the consumer (its queue deleted, the queue's node failing over:
 * amqplib hands the consumer a null message) and the broker closing the consumer's channel (a
 * channel error). Each is logged and counted, and the consumer declares its queue again (so a deleted
 * one comes back with its bindings) and subscribes on a new channel, retrying with backoff.
 */
export class QueueSubscription implements QueueConsumer {
  private channel: ConfirmChannel | undefined;
  private consumerTag: string | undefined;
  private resubscribing = false;

  private constructor(
    private readonly connection: AmqpConnection,
    private readonly options: SubscriptionOptions,
  ) {}

  /** Subscribes now (when connected) and again on every new connection. */
  static async start(connection: AmqpConnection, options: SubscriptionOptions): Promise<QueueSubscription> {
    const subscription = new QueueSubscription(connection, options);
    await connection.addSetup((model) => subscription.subscribe(model));
    return subscription;
  }

  get queue(): string {
    return this.options.queue;
  }

  get isConsuming(): boolean {
    return this.consumerTag !== undefined && this.connection.isConnected;
  }

  private async subscribe(model: ChannelModel): Promise<void> {
    const channel = await model.createConfirmChannel();
    this.channel = channel;
    this.consumerTag = undefined;
    channel.on('error', (error: Error) => this.options.logger.warn(`channel error: ${error.message}`));
    channel.on('close', () => this.lost(channel, model, 'the broker closed its channel'));
    await this.options.prepare(channel);
    const { consumerTag } = await channel.consume(
      this.queue,
      (message) => {
        if (message === null) this.lost(channel, model, 'the broker cancelled it (its queue was deleted, or the queue failed over to another node)');
        else this.options.receive(channel, message);
      },
      { noAck: false },
    );
    if (this.channel === channel) this.consumerTag = consumerTag;
  }

  /** The consumer on `channel` stopped receiving; subscribes again unless the whole connection went (its recovery does that). */
  private lost(channel: ConfirmChannel, model: ChannelModel, why: string): void {
    if (this.channel !== channel) return; // an earlier channel, already replaced
    this.channel = undefined;
    this.consumerTag = undefined;
    if (!this.connection.isCurrent(model) || this.resubscribing) return;
    this.options.logger.warn(`stopped consuming ${this.queue}: ${why}; subscribing again`);
    consumerCancellations.inc({ queue: this.queue });
    // A cancelled consumer's channel is still open: close it, so what it holds unacked goes back to the queue.
    channel.close().catch(() => undefined);
    void this.resubscribe(model);
  }

  private async resubscribe(model: ChannelModel): Promise<void> {
    this.resubscribing = true;
    try {
      for (let delay = FIRST_RESUBSCRIBE_DELAY_MS; ; delay = Math.min(delay * 2, MAX_RESUBSCRIBE_DELAY_MS)) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        // Gone or replaced meanwhile: the connection's recovery subscribes on the next one.
        if (!this.connection.isCurrent(model) || this.channel) return;
        try {
          await this.subscribe(model);
          this.options.logger.log(`consuming ${this.queue} again`);
          return;
        } catch (error) {
          this.channel = undefined;
          this.options.logger.warn(`could not subscribe to ${this.queue} again, retrying: ${String(error)}`);
        }
      }
    } finally {
      this.resubscribing = false;
    }
  }
}
