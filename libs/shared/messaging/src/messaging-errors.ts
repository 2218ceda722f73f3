import { DependencyUnavailableError } from '@itsm/contracts';

/** The broker cannot take the message right now (disconnected or channel closed); retry later (503 over HTTP). */
export class BrokerUnavailableError extends DependencyUnavailableError {
  override readonly name = 'BrokerUnavailableError';
}

/** A mandatory message matched no queue: a topology problem, not a transient one. */
export class UnroutableMessageError extends Error {
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
