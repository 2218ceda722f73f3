import { Matches } from 'class-validator';

/** A service's own event subscription queue, `itsm.<service>.events`: the only place a replay may be sent. */
export const REPLAY_REPLY_QUEUE_PATTERN = /^itsm\.[a-z][a-z-]*\.events$/;

/**
 * What every replay command carries (v1): a service that keeps its own copy of another service's records
 * asks, when it starts, for the current version of each, because what was published before its queue
 * existed (or while its queue was deleted) never reached it. The owner answers with the same events it
 * publishes when the records change, through the broker's default exchange to `replyTo` alone (copies of
 * facts already published must not reach `itsm.events` again). Each replay command extends this class.
 */
export class ReplayRequestV1 {
  /** The requester's event queue (`itsm.<service>.events`), never a work or parking queue. */
  @Matches(REPLAY_REPLY_QUEUE_PATTERN, { message: 'replyTo must be a service event queue, itsm.<service>.events' })
  replyTo!: string;
}
