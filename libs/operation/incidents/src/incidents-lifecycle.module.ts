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
import { SlaSweep } from './sla-sweep/sla.sweep';

/**
 * The incident lifecycle over HTTP (commands and the timeline, called by the gateway), its SLA clocks
 * (read-only over operation's copy of design's definitions and calendars, which the intake role keeps),
 * and the auto-close and SLA sweeps. Needs OutboxModule. Assignment groups come from `ASSIGNMENT_GROUP_DIRECTORY`
 * (`AssignmentGroupLookup`: read-only, over the collection the assignment library writes).
 */
@Module({})
export class IncidentsLifecycleModule {
  static forRoot(options: IncidentLifecycleOptions): DynamicModule {
    return {
      module: IncidentsLifecycleModule,
      imports: [IncidentsPersistenceModule, ServiceLevelCatalogModule],
      controllers: [IncidentLifecycleController, IncidentTimelineController],
      providers: [...changeProviders(options), AutoCloseSweep, SlaSweep],
      exports: [ChangeIncident, AutoCloseSweep, SlaSweep, IncidentLifecycleRepository],
    };
  }

  /** ChangeIncident alone, for another role that changes incidents (alert intake): no HTTP routes, no sweeps. */
  static forChanges(options: IncidentLifecycleOptions): DynamicModule {
    return {
      module: IncidentsLifecycleModule,
      imports: [IncidentsPersistenceModule, ServiceLevelCatalogModule],
      providers: changeProviders(options),
      exports: [ChangeIncident],
    };
  }
}

/** What ChangeIncident needs: the lifecycle's options, the assignment groups (read-only) and the incidents' lifecycle store. */
function changeProviders(options: IncidentLifecycleOptions): Provider[] {
  return [
    { provide: INCIDENT_LIFECYCLE_OPTIONS, useValue: options },
    { provide: ASSIGNMENT_GROUP_DIRECTORY, useClass: AssignmentGroupLookup },
    IncidentLifecycleRepository,
    ChangeIncident,
  ];
}
