import { PAGE_DEFAULT_LIMIT, PAGE_MAX_LIMIT } from '@itsm/contracts';
import { AuditRecordPage, ListAuditRecordsQuery } from '@itsm/contracts/audit';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiProblemResponses, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AUDIT_RECORD_PAGE_SCHEMA } from './audit-record.openapi';

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
      'What changed is shown only to callers who may read every record of the subject\'s type; others get the names of the changed fields without values (`redacted: true`).',
  })
  @ApiQuery({ name: 'subject', required: false, description: 'id of the record, e.g. an incident id (subject or actorId is required)' })
  @ApiQuery({ name: 'actorId', required: false, description: 'user id of the actor' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: PAGE_MAX_LIMIT, default: PAGE_DEFAULT_LIMIT } })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOkResponse({ schema: AUDIT_RECORD_PAGE_SCHEMA })
  @ApiProblemResponses(400, 502, 503)
  list(@Query() query: ListAuditRecordsQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<AuditRecordPage> {
    return this.audit.get<AuditRecordPage>('/v1/audit-records', origin, query);
  }
}
