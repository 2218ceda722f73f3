import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { AmqpConnection } from './amqp-connection';
import { parkedPattern } from './amqp-listener.decorator';
import { PermanentMessageError } from './messaging-errors';
import { ParkedMessage, monitorParking } from './parking-monitor';
import { ReceivedMessage, consumeQueue } from './queue-consumer';
import { QueueConsumer } from './queue-subscription';
import { QueueSpec } from './topology';

export interface AmqpSubscription {
  queue: QueueSpec;
  prefetch: number;
}

/** What a readiness probe needs to know about a listener. */
export interface ListenerStatus {
  readonly isConnected: boolean;
  /** Connected, and the broker delivers to every consumer (none cancelled and not yet back). */
  readonly isConsuming: boolean;
}

export interface AmqpTransportOptions {
  url: string;
  /** Connection name shown by RabbitMQ, e.g. `operation-intake`. */
  name: string;
  subscriptions: readonly AmqpSubscription[];
}

/**
 * NestJS transport that feeds `@EventPattern(<event type>)` handlers from
 * RabbitMQ quorum queues carrying plain CloudEvents, and `@OnParked(<definition>)`
 * handlers from the parking monitor of each queue's dead-letter path.
 *
 * Why a custom strategy rather than the built-in RMQ transport: the built-in
 * one never acks or rejects after a handler, wraps bodies in `{pattern, data}`,
 * and has no dead-lettering; here the handler's outcome decides ack, retry
 * or park (see consumeQueue), and the wire format stays plain CloudEvents.
 */
export class AmqpTransportStrategy extends Server implements CustomTransportStrategy, ListenerStatus {
  private connection: AmqpConnection | undefined;
  private readonly consumers: QueueConsumer[] = [];

  constructor(private readonly options: AmqpTransportOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const connection = await AmqpConnection.open({ url: this.options.url, name: this.options.name });
      this.connection = connection;
      const monitored = new Set<string>();
      for (const subscription of this.options.subscriptions) {
        this.consumers.push(await consumeQueue(connection, { ...subscription, handle: (message) => this.dispatch(message) }));
        // Queues of one service share its dead-letter path: one monitor watches it.
        if (monitored.has(subscription.queue.parkingQueue)) continue;
        monitored.add(subscription.queue.parkingQueue);
        this.consumers.push(await monitorParking(connection, { queue: subscription.queue, onParked: (parked) => this.dispatchParked(parked) }));
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.connection?.close();
    this.connection = undefined;
  }

  get isConnected(): boolean {
    return this.connection?.isConnected ?? false;
  }

  get isConsuming(): boolean {
    return this.isConnected && this.consumers.length > 0 && this.consumers.every((consumer) => consumer.isConsuming);
  }

  on(): never {
    throw new Error('AmqpTransportStrategy does not expose transport events');
  }

  unwrap<T>(): T {
    return this.connection as T;
  }

  private async dispatch(message: ReceivedMessage): Promise<void> {
    const handler = this.getHandlerByPattern(message.event.type);
    if (!handler) {
      throw new PermanentMessageError(`no handler for ${message.event.type} in ${this.options.name}`);
    }
    await lastValueFrom(this.transformToObservable(await handler(message.event, message)), { defaultValue: undefined });
  }

  /** A parked message goes to the `@OnParked` handler of its type, if the app has one; the monitor logs and counts it either way. */
  private async dispatchParked(parked: ParkedMessage): Promise<void> {
    const handler = this.getHandlerByPattern(parkedPattern(parked.type));
    if (!handler) return;
    await lastValueFrom(this.transformToObservable(await handler(parked)), { defaultValue: undefined });
  }
}
