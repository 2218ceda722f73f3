import { ITSM_EVENTS_EXCHANGE } from '@itsm/contracts';
import { ChannelModel, ConsumeMessage, connect } from 'amqplib';
import { eventually } from './eventually';

export interface TappedMessage {
  routingKey: string;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

/**
 * An outside subscriber written with nothing but amqplib: a private queue
 * bound to itsm.events by a topic pattern. Tests use it to prove that events
 * reach subscribers that are not part of the platform.
 */
export class EventTap {
  readonly messages: TappedMessage[] = [];

  private constructor(private readonly connection: ChannelModel) {}

  static async open(amqpUrl: string, pattern: string): Promise<EventTap> {
    const connection = await connect(amqpUrl);
    const channel = await connection.createChannel();
    await channel.assertExchange(ITSM_EVENTS_EXCHANGE, 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, ITSM_EVENTS_EXCHANGE, pattern);
    const tap = new EventTap(connection);
    await channel.consume(queue, (message) => message && tap.receive(message), { noAck: true });
    return tap;
  }

  /** Waits until a message satisfies `match` and returns it. */
  async waitFor(match: (message: TappedMessage) => boolean, timeoutMs = 15_000): Promise<TappedMessage> {
    const found = await eventually(async () => this.messages.find(match), (message) => message !== undefined, {
      timeoutMs,
      what: 'a matching event on itsm.events',
    });
    return found as TappedMessage;
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private receive(message: ConsumeMessage): void {
    this.messages.push({
      routingKey: message.fields.routingKey,
      contentType: message.properties.contentType as string | undefined,
      body: JSON.parse(message.content.toString()) as Record<string, unknown>,
    });
  }
}
