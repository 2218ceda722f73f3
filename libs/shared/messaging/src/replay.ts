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

/** How far a requester's clock and an owner's may disagree: a replay covers only the requests sent this long before it started. */
export const REPLAY_CLOCK_SKEW_MS = 5_000;

/**
 * The answering side's memory of the replays it sent whole, per requester queue: a request sent before a
 * replay to the same queue started (by REPLAY_CLOCK_SKEW_MS) is answered by that replay already, so it is
 * acknowledged with nothing sent. Requesters ask at every start (every instance, and an autoscaler starts
 * several at once) into one shared queue: without it each request streamed the whole collection again, a
 * CMDB's worth of messages per instance started, ahead of the live events on that queue. A replay that
 * failed covers nothing; each owner instance keeps its own memory (another instance's replay may be sent
 * again: at worst what was done before).
 */
export class ReplayCoverage {
  /** Per requester queue, when the last replay sent whole to it started (epoch ms). */
  private readonly started = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Whether `request` was sent before a replay to its queue that started after it (and ended) did. */
  covers(request: Pick<CloudEvent<ReplayRequestV1>, 'time' | 'data'>): boolean {
    const started = this.started.get(request.data.replyTo);
    return started !== undefined && Date.parse(request.time) + REPLAY_CLOCK_SKEW_MS <= started;
  }

  /** Runs `send` (a whole replay for `request`) unless a replay already covers it; how many events it sent (0 when covered). */
  async answer(request: Pick<CloudEvent<ReplayRequestV1>, 'time' | 'data'>, send: () => Promise<number>): Promise<number> {
    if (this.covers(request)) return 0;
    const started = this.clock();
    const sent = await send();
    this.started.set(request.data.replyTo, Math.max(started, this.started.get(request.data.replyTo) ?? started));
    return sent;
  }
}
