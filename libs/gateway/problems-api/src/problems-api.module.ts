import { ServiceHttpClient } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { KnownErrorsController } from './known-errors/known-errors.controller';
import { OPERATION_CLIENT } from './operation-client';
import { ProblemsController } from './problems/problems.controller';

/** Public routes of problems and known errors, answered by the operation service's query role. */
@Module({})
export class ProblemsApiModule {
  static forRoot(options: { operationQueryUrl: string }): DynamicModule {
    return {
      module: ProblemsApiModule,
      controllers: [ProblemsController, KnownErrorsController],
      providers: [{ provide: OPERATION_CLIENT, useValue: new ServiceHttpClient(options.operationQueryUrl, 'operation') }],
    };
  }
}
