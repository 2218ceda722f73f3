import { CloudEvent } from '@itsm/contracts';
import { AuditRecord } from '../persistence/audit-record.schema';

/** The platform's own processes act as this actor. */
export const SYSTEM_ACTOR = 'system';

/** The audit record of one event, under the event's id (so a redelivery is the same record); the summary is the payload as published. */
export function toAuditRecord(event: CloudEvent<object>): AuditRecord {
  return {
    _id: event.id,
    action: event.type,
    subject: event.subject,
    actorId: event.actorid ?? SYSTEM_ACTOR,
    source: event.source,
    time: new Date(event.time),
    correlationId: event.correlationid,
    summary: { ...event.data },
  };
}
