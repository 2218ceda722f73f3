import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AmqpConnection } from './amqp-connection';
import { MessagePublisher } from './message-publisher';
import { QueueSpec } from './topology';

export interface MessagingOptions {
  url: string;
  /** Connection name shown by RabbitMQ. */
  name: string;
  /** Queues this process publishes commands to; declared so a command never lands nowhere. */
  publishesToQueues?: readonly QueueSpec[];
}

@Injectable()
class ConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(AmqpConnection) private readonly connection: AmqpConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** Provides the process's publishing connection and MessagePublisher. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: AmqpConnection, useFactory: () => AmqpConnection.open({ url: options.url, name: options.name }) },
        {
          provide: MessagePublisher,
          inject: [AmqpConnection],
          useFactory: (connection: AmqpConnection) => MessagePublisher.attach(connection, options.publishesToQueues),
        },
        ConnectionCloser,
      ],
      exports: [AmqpConnection, MessagePublisher],
    };
  }
}
