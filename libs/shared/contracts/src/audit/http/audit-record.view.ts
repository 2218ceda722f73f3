import { Page } from '../../http/page.view';

/** Who did what to which record, when, as part of which request: what every caller of the trail sees. */
export interface AuditRecordHeader {
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
}

/**
 * One entry of the audit trail. What changed is shown only to a caller who may read every record of
 * the subject's type (`RECORD_READ_POLICIES` in `@itsm/access`): `redacted: false` with the `summary`.
 * Anyone else gets `redacted: true` with `summaryFields`, the names of the fields that changed, and no
 * value: an incident's title is not for a service owner, a budget's amount not for an incident manager.
 */
export type AuditRecordView = AuditRecordHeader & ({ redacted: false; summary: Record<string, unknown> } | { redacted: true; summaryFields: string[] });

/** One page of the trail, newest first. */
export type AuditRecordPage = Page<AuditRecordView>;
