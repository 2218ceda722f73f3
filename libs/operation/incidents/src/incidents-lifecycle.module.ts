import { ServiceLevelCatalogModule } from '@itsm/operation/service-levels';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AutoCloseSweep } from './auto-close/auto-close.sweep';
import { ASSIGNMENT_GROUP_DIRECTORY } from './change-incident/assignment-group-directory';
import { ChangeIncident } from './change-incident/change-incident.use-case';
import { IncidentLifecycleController } from './change-incident/incident-lifecycle.controller';
import { IncidentTimelineController } from './incident-query/incident-timeline.controller';
import { INCIDENT_LIFECYCLE_OPTIONS, IncidentLifecycleOptions } from './incident-lifecycle.options';
import { IncidentsPersistenceModule } from './incidents-persistence.module';
import { AssignmentGroupLookup } from './persistence/assignment-group.lookup';
import { IncidentLifecycleRepository } from './persistence/incident-lifecycle.repository';
import { ReplanCalendarClocks } from './replan-calendar/replan-calendar-clocks.use-case';
import { SlaSweep } from './sla-sweep/sla.sweep';

/**
 * The incident lifecycle over HTTP (commands and the timeline, called by the gateway), its SLA clocks
 * (read-only over operation's copy of design's definitions and calendars, which the intake role keeps),
 * the auto-close and SLA sweeps, and the re-plan of running clocks at a calendar revision (ReplanCalendarClocks). Needs OutboxModule. Assignment groups come from `ASSIGNMENT_GROUP_DIRECTORY`
 * (`AssignmentGroupLookup`: read-only, over the collection the assignment library writes).
 */
@Module({})
export class IncidentsLifecycleModule {
  static forRoot(options: IncidentLifecycleOptions): DynamicModule {
    return {
      module: IncidentsLifecycleModule,
      imports: [IncidentsPersistenceModule, ServiceLevelCatalogModule],
      controllers: [IncidentLifecycleController, IncidentTimelineController],
      providers: [...changeProviders(options), AutoCloseSweep, SlaSweep, ReplanCalendarClocks],
      exports: [ChangeIncident, AutoCloseSweep, SlaSweep, ReplanCalendarClocks, IncidentLifecycleRepository],
    };
  }

  /**
   * ChangeIncident alone, without the lifecycle's routes and sweeps: for a role that changes incidents in
   * answer to messages (the intake role's consumer of problem events).
   */
  static changesOnly(options: IncidentLifecycleOptions): DynamicModule {
    return {
      module: IncidentsLifecycleModule,
      imports: [IncidentsPersistenceModule, ServiceLevelCatalogModule],
      providers: changeProviders(options),
      exports: [ChangeIncident],
    };
  }
}

/** What ChangeIncident needs: the options, the groups (read-only) and the lifecycle's store. */
function changeProviders(options: IncidentLifecycleOptions): Provider[] {
  return [{ provide: INCIDENT_LIFECYCLE_OPTIONS, useValue: options }, { provide: ASSIGNMENT_GROUP_DIRECTORY, useClass: AssignmentGroupLookup }, IncidentLifecycleRepository, ChangeIncident];
}
