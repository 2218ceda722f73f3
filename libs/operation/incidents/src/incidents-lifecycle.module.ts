import { DynamicModule, Module } from '@nestjs/common';
import { AutoCloseSweep } from './auto-close/auto-close.sweep';
import { ASSIGNMENT_GROUP_DIRECTORY } from './change-incident/assignment-group-directory';
import { ChangeIncident } from './change-incident/change-incident.use-case';
import { IncidentLifecycleController } from './change-incident/incident-lifecycle.controller';
import { IncidentTimelineController } from './incident-query/incident-timeline.controller';
import { INCIDENT_LIFECYCLE_OPTIONS, IncidentLifecycleOptions } from './incident-lifecycle.options';
import { IncidentsPersistenceModule } from './incidents-persistence.module';
import { AssignmentGroupLookup } from './persistence/assignment-group.lookup';
import { IncidentLifecycleRepository } from './persistence/incident-lifecycle.repository';

/**
 * The incident lifecycle over HTTP (commands and the timeline, called by the gateway) and the auto-close
 * sweep. Needs OutboxModule. Assignment groups come from `ASSIGNMENT_GROUP_DIRECTORY`
 * (`AssignmentGroupLookup`: read-only, over the collection the assignment library writes).
 */
@Module({})
export class IncidentsLifecycleModule {
  static forRoot(options: IncidentLifecycleOptions): DynamicModule {
    return {
      module: IncidentsLifecycleModule,
      imports: [IncidentsPersistenceModule],
      controllers: [IncidentLifecycleController, IncidentTimelineController],
      providers: [
        { provide: INCIDENT_LIFECYCLE_OPTIONS, useValue: options },
        { provide: ASSIGNMENT_GROUP_DIRECTORY, useClass: AssignmentGroupLookup },
        IncidentLifecycleRepository,
        ChangeIncident,
        AutoCloseSweep,
      ],
      exports: [ChangeIncident, AutoCloseSweep, IncidentLifecycleRepository],
    };
  }
}
