/** One entry of the audit trail: who did what to which record, when, as part of which request. */
export interface AuditRecordView {
  /** The id of the event the record was made from. */
  id: string;
  /** Event type, e.g. itsm.operation.incident.created.v1. */
  action: string;
  /** The record acted on (the event's subject). */
  subject: string;
  /** User id of the actor; `system` when the platform acted on its own. */
  actorId: string;
  /** Service that made the change, e.g. /itsm/operation. */
  source: string;
  time: string;
  correlationId: string;
  /** What changed: the event's payload as published. */
  summary: Record<string, unknown>;
}

export interface AuditRecordPage {
  items: AuditRecordView[];
  nextCursor: string | null;
}
