import { ServiceHttpClient } from '@itsm/service-runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { AssignmentGroupsController } from './assignment-groups/assignment-groups.controller';
import { OPERATION_CLIENT } from './operation-client';
import { RoutingRulesController } from './routing-rules/routing-rules.controller';

/** Public routes of assignment groups and routing rules, answered by the operation service's query role. */
@Module({})
export class AssignmentApiModule {
  static forRoot(options: { operationQueryUrl: string }): DynamicModule {
    return {
      module: AssignmentApiModule,
      controllers: [AssignmentGroupsController, RoutingRulesController],
      providers: [{ provide: OPERATION_CLIENT, useValue: new ServiceHttpClient(options.operationQueryUrl, 'operation') }],
    };
  }
}
