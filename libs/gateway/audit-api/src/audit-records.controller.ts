import { AuditRecordPage, ListAuditRecordsQuery, ReadableAuditRecordView, RedactedAuditRecordView } from '@itsm/contracts/audit';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

export const AUDIT_QUERY_URL = Symbol('AUDIT_QUERY_URL');

/** Read-only: the audit trail offers no route that changes or removes a record. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller('api/v1/audit-records')
export class AuditRecordsController {
  private readonly audit: ServiceHttpClient;

  constructor(@Inject(AUDIT_QUERY_URL) auditUrl: string) {
    this.audit = new ServiceHttpClient(auditUrl, 'audit');
  }

  @Get()
  @RequirePolicy('audit.read')
  @ApiOperation({
    summary: 'Audit trail of a record or of an actor, newest first',
    description:
      'Who did what (event type), to which record, when, within which request (correlation id), and what changed. ' +
      'Give `subject` (the id of a record, e.g. an incident id), `actorId` (a user id) or both; `cursor` is the `nextCursor` of the previous page. ' +
      'What changed is shown only to callers who may read every record of the subject\'s type; others get the names of the changed fields without values (`redacted: true`).',
  })
  @ApiPageResponse(ReadableAuditRecordView, RedactedAuditRecordView)
  @ApiProblemResponses(502, 503)
  list(@Query() query: ListAuditRecordsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<AuditRecordPage> {
    return this.audit.get<AuditRecordPage>('/v1/audit-records', origin, query);
  }
}
