import { RecordType } from '../identity/record-types';

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
  /**
   * The type of record the message's subject is (an incident id, a budget id, ...). Whatever copies
   * the payload on (the audit trail) shows it only to callers who may read records of this type.
   */
  readonly recordType: RecordType;
  /**
   * For a message about records of several types (an SLA event: its clock runs on an incident or on a
   * request), the type of this message's subject, read from its payload; `recordType` when it answers none.
   * A method, so a definition's own payload type narrows it.
   */
  recordTypeOf?(data: TData): RecordType | undefined;
}

/** The type of record a received message's subject is: its payload's, for a definition that names several, else the definition's. */
export function recordTypeOfMessage<TData extends object>(definition: MessageDefinition<TData>, data: TData): RecordType {
  return definition.recordTypeOf?.(data) ?? definition.recordType;
}

export function defineMessage<TData extends object>(definition: MessageDefinition<TData>): MessageDefinition<TData> {
  return Object.freeze(definition);
}
