import { IsDefined, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../../http/page.query';

/** GET /api/v1/audit-records: by record (subject), by actor, or both; newest first (cursor: the event id, UUIDv7). */
export class ListAuditRecordsQuery extends PageQuery {
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
}
