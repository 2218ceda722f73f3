import { uuidV7 } from '../ids/uuid-v7';
import { CLOUDEVENTS_SPEC_VERSION, CloudEvent, EVENT_DATA_CONTENT_TYPE } from './cloud-event';
import { MessageDefinition } from '../messages/message-definition';

export interface CloudEventOrigin {
  /** Service name; becomes the `/itsm/<service>` source. */
  service: string;
  /** Correlation id of the request or message that led here; a new event starts its own chain. */
  correlationId?: string;
  /** Id of the message that caused this one. */
  causationId?: string;
  /** The user on whose behalf this happens, carried from message to message. */
  actorId?: string;
}

/** @param id the event's id: a new UUIDv7 at `time` unless given (an event that may be reported twice has one id, e.g. `uuidV7Of`). */
export function createCloudEvent<TData extends object>(
  definition: MessageDefinition<TData>,
  subject: string,
  data: TData,
  origin: CloudEventOrigin,
  time: Date = new Date(),
  id: string = uuidV7(time.getTime()),
): CloudEvent<TData> {
  return {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id,
    source: `/itsm/${origin.service}`,
    type: definition.type,
    subject,
    time: time.toISOString(),
    datacontenttype: EVENT_DATA_CONTENT_TYPE,
    correlationid: origin.correlationId ?? id,
    causationid: origin.causationId ?? id,
    ...(origin.actorId === undefined ? {} : { actorid: origin.actorId }),
    data,
  };
}
