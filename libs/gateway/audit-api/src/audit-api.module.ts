import { DynamicModule, Module } from '@nestjs/common';
import { AUDIT_QUERY_URL, AuditRecordsController } from './audit-records.controller';

/** Public audit-trail route, answered by the audit service. */
@Module({})
export class AuditApiModule {
  static forRoot(options: { auditQueryUrl: string }): DynamicModule {
    return {
      module: AuditApiModule,
      controllers: [AuditRecordsController],
      providers: [{ provide: AUDIT_QUERY_URL, useValue: options.auditQueryUrl }],
    };
  }
}
