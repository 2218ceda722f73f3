import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { AmqpConnection } from './amqp-connection';
import { PermanentMessageError } from './messaging-errors';
import { ReceivedMessage, consumeQueue } from './queue-consumer';
import { QueueSpec } from './topology';

export interface AmqpSubscription {
  queue: QueueSpec;
  prefetch: number;
}

/** What a readiness probe needs to know about a listener. */
export interface ListenerStatus {
  readonly isConnected: boolean;
}

export interface AmqpTransportOptions {
  url: string;
  /** Connection name shown by RabbitMQ, e.g. `operation-intake`. */
  name: string;
  subscriptions: readonly AmqpSubscription[];
}

/**
 * NestJS transport that feeds `@EventPattern(<event type>)` handlers from
 * RabbitMQ quorum queues carrying plain CloudEvents.
 *
 * Why a custom strategy rather than the built-in RMQ transport: the built-in
 * one never acks or rejects after a handler, wraps bodies in `{pattern, data}`,
 * and has no dead-lettering; here the handler's outcome decides ack, retry
 * or park (see consumeQueue), and the wire format stays plain CloudEvents.
 */
export class AmqpTransportStrategy extends Server implements CustomTransportStrategy, ListenerStatus {
  private connection: AmqpConnection | undefined;

  constructor(private readonly options: AmqpTransportOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.connection = await AmqpConnection.open({ url: this.options.url, name: this.options.name });
      for (const subscription of this.options.subscriptions) {
        await consumeQueue(this.connection, { ...subscription, handle: (message) => this.dispatch(message) });
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
}
