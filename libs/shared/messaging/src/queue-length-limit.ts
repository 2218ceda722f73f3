import { Logger } from '@nestjs/common';

/**
 * How much a queue may hold before the broker refuses what is published to it. There is always a bound
 * by count: RabbitMQ 3.10 leaves publishers it is refusing blocked for good (until their channel is
 * re-opened) when a queue loses every limit while full (observed: policy cleared, queue drained, the
 * same channel still refused), while it lets them go at once when the limit is raised.
 */
export interface QueueLengthLimit {
  /** Ready messages at most (RabbitMQ `max-length`), at least 1. */
  maxMessages: number;
  /** Bytes of ready message bodies at most (RabbitMQ `max-length-bytes`); 0: no bound by size. */
  maxBytes: number;
}

/** RabbitMQ's management HTTP API: where, as whom, and in which virtual host. */
export interface BrokerManagement {
  /** Base URL without credentials, e.g. `http://rabbitmq:15672`. */
  baseUrl: string;
  username: string;
  password: string;
  vhost: string;
}

/**
 * The policy's priority among the broker's policies. RabbitMQ applies one policy per queue, the one of
 * highest priority that matches: an operator's catch-all policy (priority 0 by convention) does not
 * hide this one; a policy of the operator's on this queue with a higher priority replaces it.
 */
export const QUEUE_LENGTH_POLICY_PRIORITY = 10;

/** The policy this process owns for `queue`; it changes no other. */
export function queueLengthPolicyName(queue: string): string {
  return `${queue}.length-limit`;
}

/**
 * The policy that bounds `queue`: the limits given, and overflow `reject-publish`, so the broker refuses
 * a publish past the limit with a negative confirm (the publisher's PublishRefusedError) and never drops
 * a message it has confirmed (`drop-head`, the default, would discard the oldest accepted ones). A
 * quorum queue (RabbitMQ 3.10 and 4.x) refuses once its ready messages exceed max-length (one more than
 * the limit is taken, and what is in flight as it crosses it) and accepts again once they are down to
 * 80 % of it.
 */
export function queueLengthPolicy(queue: string, limit: QueueLengthLimit): { pattern: string; definition: Record<string, unknown>; priority: number; 'apply-to': 'queues' } {
  if (!Number.isInteger(limit.maxMessages) || limit.maxMessages < 1) throw new RangeError(`a queue's length limit must be at least 1 message, not ${limit.maxMessages}`);
  return {
    pattern: `^${queue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
    definition: {
      'max-length': limit.maxMessages,
      ...(limit.maxBytes > 0 ? { 'max-length-bytes': limit.maxBytes } : {}),
      overflow: 'reject-publish',
    },
    priority: QUEUE_LENGTH_POLICY_PRIORITY,
    'apply-to': 'queues',
  };
}

/**
 * Where the management API of the broker at `amqpUrl` is: `managementUrl` when given (its credentials,
 * else the AMQP URL's), else the AMQP URL's host with RabbitMQ's default management port (http 15672
 * for amqp://, https 15671 for amqps://). The virtual host is always the AMQP URL's ("/" when it names none).
 */
export function brokerManagement(amqpUrl: string, managementUrl = ''): BrokerManagement {
  const amqp = new URL(amqpUrl);
  const secure = amqp.protocol === 'amqps:';
  const base = new URL(managementUrl || `${secure ? 'https' : 'http'}://${amqp.hostname}:${secure ? 15671 : 15672}`);
  const vhostPath = amqp.pathname.replace(/^\//, '');
  return {
    baseUrl: `${base.protocol}//${base.host}${base.pathname.replace(/\/$/, '')}`,
    username: decodeURIComponent(base.username || amqp.username || 'guest'),
    password: decodeURIComponent(base.password || amqp.password || 'guest'),
    vhost: vhostPath === '' ? '/' : decodeURIComponent(vhostPath),
  };
}

/**
 * Sets `queue`'s length limit on the broker as a policy (PUT /api/policies/<vhost>/<name>), created or
 * replaced. A policy, not queue arguments: RabbitMQ refuses to declare an
 * existing queue again with other arguments (PRECONDITION_FAILED), so arguments could neither bound a
 * queue created before the limit existed nor change the limit later; a policy applies to the queue
 * whether it exists yet or not, and a change takes effect at once, messages kept. The declarations stay
 * as they were. Needs a user with the `policymaker` (or `administrator`) tag.
 *
 * @throws Error when the API cannot be reached or refuses (status and body in the message)
 */
export async function applyQueueLengthLimit(management: BrokerManagement, queue: string, limit: QueueLengthLimit): Promise<void> {
  const url = queueLengthPolicyUrl(management, queue);
  const response = await fetch(url, {
    method: 'PUT',
    headers: { authorization: managementAuthorization(management), 'content-type': 'application/json' },
    body: JSON.stringify(queueLengthPolicy(queue, limit)),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`PUT ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
}

/** The management API's address of `queue`'s length-limit policy. */
export function queueLengthPolicyUrl(management: BrokerManagement, queue: string): string {
  return `${management.baseUrl}/api/policies/${encodeURIComponent(management.vhost)}/${encodeURIComponent(queueLengthPolicyName(queue))}`;
}

/** The Authorization header for the management API (HTTP basic; fetch takes no credentials in a URL). */
export function managementAuthorization(management: BrokerManagement): string {
  return `Basic ${Buffer.from(`${management.username}:${management.password}`).toString('base64')}`;
}

/**
 * Keeps `queue`'s length limit applied from start-up: tries at once, and after a failure again every
 * `retryMs` until it succeeds, logging each failure as an error. It does not hold up the start: while
 * the management API is out of reach the queue keeps the limit it had (none on a new installation), and
 * the service works as before; nothing accepted is lost either way.
 */
export class QueueLengthLimitKeeper {
  private readonly logger = new Logger(QueueLengthLimitKeeper.name);
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly management: BrokerManagement,
    private readonly queue: string,
    private readonly limit: QueueLengthLimit,
    private readonly retryMs = 30_000,
  ) {}

  /** Resolves after the first attempt, whatever its outcome (Nest calls it when the app has started). */
  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** Resolves after the first attempt, whatever its outcome. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.attempt();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async attempt(): Promise<void> {
    try {
      await applyQueueLengthLimit(this.management, this.queue, this.limit);
      this.logger.log(`${this.queue}: length limit ${JSON.stringify(queueLengthPolicy(this.queue, this.limit).definition)}`);
    } catch (error) {
      this.logger.error(`${this.queue}: cannot apply the length limit through ${this.management.baseUrl} (retrying in ${this.retryMs / 1000} s): ${error instanceof Error ? error.message : String(error)}`);
      if (!this.stopped) this.timer = setTimeout(() => void this.attempt(), this.retryMs).unref();
    }
  }
}
