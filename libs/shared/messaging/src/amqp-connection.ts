import { Logger } from '@nestjs/common';
import { ChannelModel, RecoveringChannelModel, connect } from 'amqplib';

export type ConnectionSetup = (model: ChannelModel) => Promise<void>;

export interface AmqpConnectionOptions {
  url: string;
  /** Shown in the RabbitMQ management UI, e.g. `operation-intake`. */
  name: string;
  /** Attempts before the first connection fails start-up; afterwards recovery retries forever. */
  initialMaxRetries?: number;
}

/**
 * One recovering AMQP connection per process role. Channels, topology and
 * consumers are (re)created by setup steps, which run after every
 * (re)connection, so a broker restart heals without a process restart.
 */
export class AmqpConnection {
  private readonly logger: Logger;
  private readonly setups: ConnectionSetup[] = [];
  private current: ChannelModel | undefined;

  private recovering: RecoveringChannelModel | undefined;

  private constructor(name: string) {
    this.logger = new Logger(`AmqpConnection:${name}`);
  }

  static async open(options: AmqpConnectionOptions): Promise<AmqpConnection> {
    const connection = new AmqpConnection(options.name);
    const recovering = await connect(options.url, {
      clientProperties: { connection_name: options.name },
      recovery: {
        initialMaxRetries: options.initialMaxRetries ?? 10,
        maxDelay: 10_000,
        waitForConnect: false,
        setup: async (model: ChannelModel) => connection.runSetups(model),
      },
    });
    connection.recovering = recovering;
    recovering.on('disconnect', (error: Error) => connection.disconnected(error));
    recovering.on('error', (error: Error) => connection.logger.warn(`connection error: ${error.message}`));
    await recovering.waitForConnect();
    return connection;
  }

  get isConnected(): boolean {
    return this.current !== undefined;
  }

  /** Whether `model` is the connection in use (false once it dropped or closed, and during its setup). */
  isCurrent(model: ChannelModel): boolean {
    return this.current === model;
  }

  /** Runs now if connected, and again after every reconnection. */
  async addSetup(setup: ConnectionSetup): Promise<void> {
    this.setups.push(setup);
    if (this.current) await setup(this.current);
  }

  async close(): Promise<void> {
    this.current = undefined;
    await this.recovering?.close();
  }

  private async runSetups(model: ChannelModel): Promise<void> {
    for (const setup of this.setups) await setup(model);
    this.current = model;
  }

  private disconnected(error: Error): void {
    if (!this.current) return;
    this.current = undefined;
    this.logger.warn(`disconnected from the broker (${error.message}); reconnecting`);
  }
}
