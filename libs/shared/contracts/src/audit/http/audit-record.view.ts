import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

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

export const AUDIT_PAGE_MAX_LIMIT = 200;

/** GET /api/v1/audit-records: by record (subject), by actor, or both. */
export class ListAuditRecordsQuery {
  @ValidateIf((query: ListAuditRecordsQuery) => query.actorId === undefined)
  @IsString({ message: 'subject or actorId is required' })
  @IsNotEmpty()
  @MaxLength(200)
  subject?: string;

  @ValidateIf((query: ListAuditRecordsQuery) => query.subject === undefined)
  @IsString({ message: 'subject or actorId is required' })
  @IsNotEmpty()
  @MaxLength(200)
  actorId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX_LIMIT)
  limit?: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'cursor must be a cursor returned by a previous page' })
  cursor?: string;
}
