/**
 * The envelope of every ITSM message: CloudEvents 1.0 in structured mode
 * (the whole event is the AMQP body, content type application/cloudevents+json)
 * plus the `correlationid` and `causationid` extension attributes.
 */
export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';
export const EVENT_DATA_CONTENT_TYPE = 'application/json';

export interface CloudEvent<TData = unknown> {
  specversion: typeof CLOUDEVENTS_SPEC_VERSION;
  /** Unique per event; consumers deduplicate on it. */
  id: string;
  /** URI-reference of the producing service, e.g. `/itsm/operation`. */
  source: string;
  /** Versioned type, also the AMQP routing key, e.g. `itsm.operation.incident.created.v1`. */
  type: string;
  /** The aggregate the event is about, e.g. the incident id. */
  subject: string;
  /** RFC 3339 timestamp of when the fact happened. */
  time: string;
  datacontenttype: typeof EVENT_DATA_CONTENT_TYPE;
  /** Id shared by every message caused by one original request. */
  correlationid: string;
  /** Id of the message that directly caused this one (equals `id` for an originating message). */
  causationid: string;
  /** The verified user whose request led to this message; absent for the platform's own processes. */
  actorid?: string;
  data: TData;
}
