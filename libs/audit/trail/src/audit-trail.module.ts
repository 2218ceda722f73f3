import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditQueryController } from './audit-query.controller';
import { AuditRecord, AuditRecordSchema } from './audit-record.schema';
import { AuditRecordRepository } from './audit-record.repository';
import { RecordAuditTrailListener } from './record-audit-trail.listener';

/** Records every domain event as an audit entry and answers queries by record and by actor. */
@Module({
  imports: [MongooseModule.forFeature([{ name: AuditRecord.name, schema: AuditRecordSchema }])],
  controllers: [RecordAuditTrailListener, AuditQueryController],
  providers: [AuditRecordRepository],
})
export class AuditTrailModule {}
