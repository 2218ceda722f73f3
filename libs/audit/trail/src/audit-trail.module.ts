import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditQueryController } from './audit-query/audit-query.controller';
import { AuditRecord, AuditRecordSchema } from './persistence/audit-record.schema';
import { AuditRecordRepository } from './persistence/audit-record.repository';
import { RecordAuditTrailListener } from './record-audit-trail/record-audit-trail.listener';

/** Records every domain event as an audit entry and answers queries by record and by actor. */
@Module({
  imports: [MongooseModule.forFeature([{ name: AuditRecord.name, schema: AuditRecordSchema }])],
  controllers: [RecordAuditTrailListener, AuditQueryController],
  providers: [AuditRecordRepository],
})
export class AuditTrailModule {}
