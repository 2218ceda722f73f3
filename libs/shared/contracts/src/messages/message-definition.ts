/**
 * A message type as published on the wire. The version lives in the type name
 * (and so in the routing key): a breaking change is a new definition, the old
 * one stays until every consumer has moved.
 */
export type MessageKind = 'event' | 'command';

export interface MessageDefinition<TData extends object = object> {
  /** e.g. `itsm.operation.incident.created.v1`; the routing key too. */
  readonly type: string;
  readonly kind: MessageKind;
  /** Class-validator class that received payloads are checked against. */
  readonly payload: new () => TData;
  readonly summary: string;
}

export function defineMessage<TData extends object>(definition: MessageDefinition<TData>): MessageDefinition<TData> {
  return Object.freeze(definition);
}
