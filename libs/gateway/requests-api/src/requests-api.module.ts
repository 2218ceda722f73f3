import { ServiceHttpClient } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { REQUESTS_OPERATION_CLIENT } from './operation-client';
import { ReportingLinesController } from './reporting-lines.controller';
import { ApprovalsController, RequestsController } from './requests.controller';

/** Public routes of request fulfilment (requests, approvals, reporting lines), answered by the operation service's query role. */
@Module({})
export class RequestsApiModule {
  static forRoot(options: { operationQueryUrl: string }): DynamicModule {
    return {
      module: RequestsApiModule,
      controllers: [RequestsController, ApprovalsController, ReportingLinesController],
      providers: [{ provide: REQUESTS_OPERATION_CLIENT, useValue: new ServiceHttpClient(options.operationQueryUrl, 'operation') }],
    };
  }
}
