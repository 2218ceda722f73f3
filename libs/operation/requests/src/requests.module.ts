import { AssignmentPersistenceModule } from '@itsm/operation/assignment';
import { ServiceLevelCatalogModule } from '@itsm/operation/service-levels';
import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ChangeRequest } from './change-request/change-request.use-case';
import { RequestsController } from './change-request/change-request.controller';
import { ReportingLineRepository } from './persistence/reporting-line.repository';
import { ReportingLineRecord, ReportingLineSchema } from './persistence/reporting-line.schema';
import { RequestNumberAllocator } from './persistence/request-number.allocator';
import { RequestNumberBlockRecord, RequestNumberBlockSchema } from './persistence/request-number-block.schema';
import { ServiceRequestRepository } from './persistence/service-request.repository';
import { ServiceRequestFieldsBackfill } from './persistence/service-request-fields.backfill';
import { ServiceRequestRecord, ServiceRequestSchema } from './persistence/service-request.schema';
import { DefineReportingLine } from './reporting-lines/define-reporting-line.use-case';
import { ReportingLinesController } from './reporting-lines/reporting-lines.controller';
import { ApprovalsController } from './request-query/approvals.controller';
import { RequestQueryController } from './request-query/request-query.controller';
import { RequestSlaSweep } from './request-sla-sweep/request-sla.sweep';
import { REQUESTS_OPTIONS, RequestsOptions } from './requests.options';
import { SubmitRequest } from './submit-request/submit-request.use-case';

/**
 * Request fulfilment in operation's query role: requests (`service_requests`), their numbers
 * (`request_number_blocks`) and reporting lines (`reporting_lines`), over HTTP for the gateway, with the
 * delivery clocks' sweep (and the backfill of their `slaDueSlot`). Reads operation's copy of design's catalogue items, services and calendars
 * (ServiceLevelCatalogModule, written by the intake role) and its assignment groups. Needs
 * PersistenceModule, MessagingModule and OutboxModule (every change writes its events to the outbox).
 */
@Module({})
export class RequestsModule {
  static forRoot(options: RequestsOptions): DynamicModule {
    return {
      module: RequestsModule,
      imports: [
        ServiceLevelCatalogModule,
        AssignmentPersistenceModule,
        MongooseModule.forFeature([
          { name: ServiceRequestRecord.name, schema: ServiceRequestSchema },
          { name: ReportingLineRecord.name, schema: ReportingLineSchema },
          { name: RequestNumberBlockRecord.name, schema: RequestNumberBlockSchema },
        ]),
      ],
      controllers: [RequestsController, RequestQueryController, ApprovalsController, ReportingLinesController],
      providers: [
        { provide: REQUESTS_OPTIONS, useValue: options },
        ServiceRequestRepository,
        ReportingLineRepository,
        RequestNumberAllocator,
        SubmitRequest,
        ChangeRequest,
        DefineReportingLine,
        RequestSlaSweep,
        ServiceRequestFieldsBackfill,
      ],
      exports: [ChangeRequest, RequestSlaSweep],
    };
  }
}
