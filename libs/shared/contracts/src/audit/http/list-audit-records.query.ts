import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageCursorParameter } from '../../http/page-cursor';

export const AUDIT_PAGE_MAX_LIMIT = 200;

/** GET /api/v1/audit-records: by record (subject), by actor, or both. */
export class ListAuditRecordsQuery {
  @ValidateIf((query: ListAuditRecordsQuery) => query.actorId === undefined)
  @IsDefined({ message: 'subject or actorId is required' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject?: string;

  @ValidateIf((query: ListAuditRecordsQuery) => query.subject === undefined)
  @IsDefined({ message: 'subject or actorId is required' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  actorId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX_LIMIT)
  limit?: number;

  @PageCursorParameter()
  cursor?: string;
}
