import { AuditRecordView } from '@itsm/contracts/audit';
import { AuditRecord } from '../persistence/audit-record.schema';

export function toAuditRecordView(record: AuditRecord): AuditRecordView {
  return {
    id: record._id,
    action: record.action,
    subject: record.subject,
    actorId: record.actorId,
    source: record.source,
    time: record.time.toISOString(),
    correlationId: record.correlationId,
    summary: record.summary,
  };
}
