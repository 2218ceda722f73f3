import { CloudEvent, recordTypeOfMessage } from '@itsm/contracts';
import { findMessageDefinition } from '@itsm/contracts/catalog';
import { AuditRecord } from '../persistence/audit-record.schema';

/** The platform's own processes act as this actor. */
export const SYSTEM_ACTOR = 'system';

/**
 * The audit record of one event, under the event's id (so a redelivery is the same record); the summary
 * is the payload as published, kept with the type of record it was copied from (from the message catalogue:
 * the definition's, or its payload's for a message about several types, such as an SLA clock on a request).
 */
export function toAuditRecord(event: CloudEvent<object>): AuditRecord {
  const definition = findMessageDefinition(event.type);
  const recordType = definition === undefined ? undefined : recordTypeOfMessage(definition, event.data);
  return {
    _id: event.id,
    action: event.type,
    subject: event.subject,
    actorId: event.actorid ?? SYSTEM_ACTOR,
    source: event.source,
    time: new Date(event.time),
    correlationId: event.correlationid,
    ...(recordType === undefined ? {} : { recordType }),
    summary: { ...event.data },
  };
}
