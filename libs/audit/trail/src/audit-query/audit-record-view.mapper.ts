import { visibleContent } from '@itsm/access';
import { Principal } from '@itsm/contracts';
import { AuditRecordView } from '@itsm/contracts/audit';
import { findMessageDefinition } from '@itsm/contracts/catalog';
import { AuditRecord } from '../persistence/audit-record.schema';

/**
 * An audit record as `reader` may see it: the summary only if they read every record of its type,
 * else the names of its fields (`visibleContent` in @itsm/access, the rule for every copy of a record).
 */
export function toAuditRecordView(record: AuditRecord, reader: Principal): AuditRecordView {
  const header = {
    id: record._id,
    action: record.action,
    subject: record.subject,
    actorId: record.actorId,
    source: record.source,
    time: record.time.toISOString(),
    correlationId: record.correlationId,
  };
  const visible = visibleContent(reader, recordTypeOf(record), record.summary);
  return visible.readable ? { ...header, redacted: false, summary: visible.content } : { ...header, redacted: true, summaryFields: visible.fields };
}

/**
 * The record type stored with the entry; entries written before it was stored take it from their event
 * type in the message catalogue, so no older entry shows more than a new one would. An event type the
 * catalogue no longer knows gives no type, which nobody may read.
 */
function recordTypeOf(record: AuditRecord): unknown {
  return record.recordType ?? findMessageDefinition(record.action)?.recordType;
}
