import { DependencyUnavailableError } from '@itsm/contracts';

/** The broker cannot take the message right now (disconnected or channel closed); retry later (503 over HTTP). */
export class BrokerUnavailableError extends DependencyUnavailableError {
  override readonly name: string = 'BrokerUnavailableError';
}

/**
 * The broker refused the message with a negative confirm (basic.nack): nothing was enqueued. The usual
 * cause is a queue at its length limit with overflow `reject-publish` (the intake queue under overload,
 * see QueueLengthLimit); RabbitMQ also nacks when a queue process fails to take the message. Either
 * way the same message may be published again later: 503 with Retry-After over HTTP, retried by a
 * consumer.
 */
export class PublishRefusedError extends BrokerUnavailableError {
  override readonly name = 'PublishRefusedError';
}

/**
 * A mandatory message matched no queue: a topology problem (the queue is declared by its consumer and by
 * every publisher of commands at start-up, so it is missing only while the broker lost it). The message
 * was not enqueued and may be published again once the queue is back: 503 over HTTP like every broker
 * failure, never a bare 500; a consumer retries it unless its handler decides otherwise.
 */
export class UnroutableMessageError extends DependencyUnavailableError {
  override readonly name = 'UnroutableMessageError';
}

/**
 * Thrown by a handler for a message that can never succeed (it breaks a
 * business rule, refers to nothing); the consumer parks it with this reason
 * instead of redelivering it.
 */
export class PermanentMessageError extends Error {
  override readonly name = 'PermanentMessageError';
}
