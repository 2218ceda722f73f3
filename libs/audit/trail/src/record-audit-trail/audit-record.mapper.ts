import { CloudEvent } from '@itsm/contracts';
import { findMessageDefinition } from '@itsm/contracts/catalog';
import { AuditRecord } from '../persistence/audit-record.schema';

/** The platform's own processes act as this actor. */
export const SYSTEM_ACTOR = 'system';

/**
 * The audit record of one event, under the event's id (so a redelivery is the same record); the summary
 * is the payload as published, kept with the type of record it was copied from (from the message catalogue).
 */
export function toAuditRecord(event: CloudEvent<object>): AuditRecord {
  const recordType = findMessageDefinition(event.type)?.recordType;
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
