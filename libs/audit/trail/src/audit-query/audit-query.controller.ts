import { pageRequest, toPage } from '@itsm/contracts';
import { AuditRecordPage, ListAuditRecordsQuery } from '@itsm/contracts/audit';
import { Origin, RequestOrigin } from '@itsm/service-runtime';
import { Controller, Get, Query } from '@nestjs/common';
import { AuditRecordRepository } from '../persistence/audit-record.repository';
import { toAuditRecordView } from './audit-record-view.mapper';

/**
 * The audit service's read API, called by the gateway. Read-only by design: there is no route that
 * changes a record. Each entry's summary is shown only to a caller who may read its record type.
 */
@Controller('v1/audit-records')
export class AuditQueryController {
  constructor(private readonly records: AuditRecordRepository) {}

  @Get()
  async list(@Query() query: ListAuditRecordsQuery, @Origin() { actor }: RequestOrigin): Promise<AuditRecordPage> {
    const page = await this.records.list({ subject: query.subject, actorId: query.actorId }, pageRequest(query));
    return toPage(page, (record) => toAuditRecordView(record, actor));
  }
}
