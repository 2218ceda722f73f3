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
import { FireDueSlas } from './sla-sweep/fire-due-slas.use-case';
import { SlaFiringRecoverySweep } from './sla-sweep/sla-firing-recovery.sweep';
import { SlaFiringRepository } from './persistence/sla-firing.repository';
import { IncidentParentController } from './link-parent/incident-parent.controller';
import { IncidentChangeCauseController } from './link-change/incident-change-cause.controller';
import { LinkParentIncident } from './link-parent/link-parent.use-case';
import { ChildCascadeSweep } from './resolve-children/child-cascade.sweep';
import { ResolveChildren } from './resolve-children/resolve-children.use-case';
import { MajorIncidentController } from './major-incident/major-incident.controller';
import { ReviewOpeningSweep } from './major-incident/review-opening.sweep';
import { RunMajorIncident } from './major-incident/run-major-incident.use-case';
import { MajorIncidentRepository } from './persistence/major-incident.repository';

/**
 * The incident lifecycle over HTTP (commands and the timeline, called by the gateway), its SLA clocks
 * (read-only over operation's copy of design's definitions and calendars, which the intake role keeps),
 * parent and child incidents (link, unlink, the cascade of a parent's resolution and its sweep), major
 * incidents (candidates, decisions, communication log, post-incident reviews and their sweep),
 * the auto-close and SLA sweeps (with the recovery of SLA firings a crash left unpublished), and the re-plan of running clocks at a calendar revision (ReplanCalendarClocks). Needs OutboxModule. Assignment groups come from `ASSIGNMENT_GROUP_DIRECTORY`
 * (`AssignmentGroupLookup`: read-only, over the collection the assignment library writes).
 */
@Module({})
export class IncidentsLifecycleModule {
  static forRoot(options: IncidentLifecycleOptions): DynamicModule {
    return {
      module: IncidentsLifecycleModule,
      imports: [IncidentsPersistenceModule, ServiceLevelCatalogModule],
      controllers: [IncidentLifecycleController, IncidentTimelineController, IncidentParentController, MajorIncidentController, IncidentChangeCauseController],
      providers: [...changeProviders(options), AutoCloseSweep, SlaSweep, FireDueSlas, SlaFiringRepository, SlaFiringRecoverySweep, ReplanCalendarClocks, LinkParentIncident, ResolveChildren, ChildCascadeSweep, MajorIncidentRepository, RunMajorIncident, ReviewOpeningSweep],
      exports: [ChangeIncident, AutoCloseSweep, SlaSweep, FireDueSlas, SlaFiringRecoverySweep, ReplanCalendarClocks, IncidentLifecycleRepository, LinkParentIncident, ResolveChildren, ChildCascadeSweep, RunMajorIncident, ReviewOpeningSweep, MajorIncidentRepository],
    };
  }

  /**
   * ChangeIncident alone, without the lifecycle's routes and sweeps: for a role that changes incidents in
   * answer to messages (the intake role's consumer of problem events, the alert-intake role).
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

/** What ChangeIncident needs: the lifecycle's options, the assignment groups (read-only) and the incidents' lifecycle store. */
function changeProviders(options: IncidentLifecycleOptions): Provider[] {
  return [
    { provide: INCIDENT_LIFECYCLE_OPTIONS, useValue: options },
    { provide: ASSIGNMENT_GROUP_DIRECTORY, useClass: AssignmentGroupLookup },
    IncidentLifecycleRepository,
    ChangeIncident,
  ];
}
