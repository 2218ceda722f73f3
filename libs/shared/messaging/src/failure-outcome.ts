import { DomainError } from '@itsm/contracts';
import { PermanentMessageError } from './messaging-errors';

/** What a consumer does with a message whose handler failed. */
export type FailureOutcome = { action: 'park'; reason: string } | { action: 'retry'; reason: string };

/**
 * The one mapping of handler failures to retry or park, the queue's counterpart of the HTTP
 * problem mapping. A message that can never succeed is parked at once with the reason: a
 * PermanentMessageError, or a DomainError that is not retryable (it breaks a rule, names
 * nothing that exists, meets a state that forbids it). Everything else is retried with backoff
 * until the queue's delivery limit parks it: a stale version, a fact not arrived yet, a server
 * that cannot be reached, and any error nobody classified (a bug fixed by a redeploy must not
 * have lost the message).
 */
export function failureOutcome(error: unknown): FailureOutcome {
  const reason = describe(error);
  if (error instanceof PermanentMessageError) return { action: 'park', reason: error.message };
  if (error instanceof DomainError && !error.retryable) return { action: 'park', reason };
  return { action: 'retry', reason };
}

/**
 * Why a message was refused, in words fit for whoever sent the request (they may read it back, as the
 * reporter of a rejected incident does): the message of the project's own errors and of a
 * PermanentMessageError, which say what is wrong in the domain's terms; nothing of any other error,
 * whose message may name servers, queries or stored values.
 */
export function publicReason(error: unknown): string {
  if (error instanceof DomainError || error instanceof PermanentMessageError) return error.message;
  return 'it could not be processed';
}

/**
 * A one-line reason for any thrown value, with its cause (an error a store or a client wrapped);
 * never throws itself (a BigInt or a cycle cannot break a delivery).
 */
function describe(error: unknown): string {
  if (error instanceof Error) return error.cause === undefined ? `${error.name}: ${error.message}` : `${error.name}: ${error.message} (cause: ${describe(error.cause)})`;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
