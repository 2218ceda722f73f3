import { DynamicModule, Module } from '@nestjs/common';
import { IncidentIntakePublisher } from './incident-intake.publisher';
import { IncidentLifecycleController } from './incident-lifecycle.controller';
import { IncidentParentController } from './incident-parent.controller';
import { IncidentChangeCauseController } from './incident-change-cause.controller';
import { MajorIncidentsController } from './major-incidents.controller';
import { IncidentsController } from './incidents.controller';
import { OPERATION_QUERY_URL, OperationQueryClient } from './operation-query.client';

export interface IncidentsApiOptions {
  /** Base URL of the operation service's query role, e.g. http://operation-query:3101 */
  operationQueryUrl: string;
}

/** Public incident routes. Needs MessagingModule (the intake publisher) in the app. */
@Module({})
export class IncidentsApiModule {
  static forRoot(options: IncidentsApiOptions): DynamicModule {
    return {
      module: IncidentsApiModule,
      controllers: [IncidentsController, IncidentLifecycleController, IncidentParentController, MajorIncidentsController, IncidentChangeCauseController],
      providers: [
        IncidentIntakePublisher,
        OperationQueryClient,
        { provide: OPERATION_QUERY_URL, useValue: options.operationQueryUrl },
      ],
    };
  }
}
