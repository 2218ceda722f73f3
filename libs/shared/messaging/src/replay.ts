import { CloudEvent, ITSM_COMMANDS_EXCHANGE, MessageDefinition, ReplayRequestV1, createCloudEvent, serviceEventsQueue } from '@itsm/contracts';
import { MessagePublisher } from './message-publisher';
import { PermanentMessageError, UnroutableMessageError } from './messaging-errors';

/** The broker's default exchange routes a message to the queue its routing key names. */
const DEFAULT_EXCHANGE = '';

/**
 * The asking side of a replay (see ReplayRequestV1): `requester` sends `definition` (a replay command) with
 * its own event queue as `replyTo`, to the owner's replay queue through `itsm.commands`, mandatory (the
 * requester's publishing connection declares that queue first, so a request sent before the owner first
 * started waits there). The requester's event queue must be declared and bound before, so the answer and
 * the live events published meanwhile both reach it, in any order. Returns the request sent.
 */
export async function requestReplay<TRequest extends ReplayRequestV1>(
  publisher: MessagePublisher,
  definition: MessageDefinition<TRequest>,
  requester: string,
): Promise<CloudEvent<TRequest>> {
  const replyTo = serviceEventsQueue(requester);
  const request = createCloudEvent(definition, replyTo, { replyTo } as TRequest, { service: requester });
  await publisher.publish(request, { exchange: ITSM_COMMANDS_EXCHANGE, mandatory: true });
  return request;
}

/** What a replay's events are caused by: the request's correlation id, and the request as their cause. */
export function replayOrigin(request: CloudEvent<ReplayRequestV1>): { correlationId: string; causationId: string } {
  return { correlationId: request.correlationid, causationId: request.id };
}

/**
 * The answering side of a replay: sends `pages` of events (copies of facts already published) to the
 * request's `replyTo` queue alone, through the default exchange, so no other subscriber (the audit trail)
 * gets them again. A page's events are published together and confirmed before the next page is read, so
 * an owner streams a large collection with a page in memory. A requester's queue that is gone (nobody left
 * to answer; it asks again when it starts) is a PermanentMessageError, parked at once; any other failure is
 * thrown for the queue to retry the whole replay, which requesters store once. Returns how many events it sent.
 * @param what what is replayed, for the error (`the configuration items`).
 */
export async function sendReplay(
  publisher: MessagePublisher,
  request: CloudEvent<ReplayRequestV1>,
  pages: Iterable<readonly CloudEvent[]> | AsyncIterable<readonly CloudEvent[]>,
  what: string,
): Promise<number> {
  const { replyTo } = request.data;
  let sent = 0;
  try {
    for await (const page of pages) {
      await Promise.all(page.map((event) => publisher.publish(event, { exchange: DEFAULT_EXCHANGE, routingKey: replyTo, mandatory: true })));
      sent += page.length;
    }
  } catch (error) {
    if (error instanceof UnroutableMessageError) throw new PermanentMessageError(`no queue ${replyTo} to replay ${what} to`);
    throw error;
  }
  return sent;
}
