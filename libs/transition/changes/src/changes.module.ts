import { ClassProvider, DynamicModule, ExistingProvider, FactoryProvider, Module, Provider, ValueProvider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ChangeBoardsController } from './change-boards/change-boards.controller';
import { ChangeBoards } from './change-boards/change-boards.use-case';
import { ChangeCalendarController } from './change-calendar/change-calendar.controller';
import { ChangeCalendar } from './change-calendar/change-calendar.use-case';
import { DesignServiceEventsListener } from './change-calendar/design-service-events.listener';
import { ConflictFactsListener } from './change-conflicts/conflict-facts.listener';
import { DetectChangeConflicts } from './change-conflicts/detect-change-conflicts.use-case';
import { FollowConflictFacts } from './change-conflicts/follow-conflict-facts.use-case';
import { AssignmentGroupEventsListener } from './change-groups/assignment-group-events.listener';
import { CHANGE_ITEM_GRAPH, ChangeItemGraph } from './change-item-graph.lookup';
import { ApprovalAuthoritiesLookup } from './change-lifecycle/approval-authorities.lookup';
import { ChangeLifecycleController } from './change-lifecycle/change-lifecycle.controller';
import { ChangeLifecycle } from './change-lifecycle/change-lifecycle.use-case';
import { ChangeQueryController } from './change-query/change-query.controller';
import { ChangeTemplatesController } from './change-templates/change-templates.controller';
import { ChangeTemplates } from './change-templates/change-templates.use-case';
import { ChangeBoardRepository } from './persistence/change-board.repository';
import { ChangeBoardRecord, ChangeBoardSchema } from './persistence/change-board.schema';
import { ChangeGroupRepository } from './persistence/change-group.repository';
import { ChangeGroupRecord, ChangeGroupSchema } from './persistence/change-group.schema';
import { ChangeNumberAllocator } from './persistence/change-number.allocator';
import { ChangeNumberRecord, ChangeNumberSchema } from './persistence/change-number.schema';
import { ChangeTemplateRepository } from './persistence/change-template.repository';
import { ChangeTemplateRecord, ChangeTemplateSchema } from './persistence/change-template.schema';
import { ChangeRepository } from './persistence/change.repository';
import { ChangeRecord, ChangeSchema } from './persistence/change.schema';
import { FreezeWindowRepository } from './persistence/freeze-window.repository';
import { FreezeWindowRecord, FreezeWindowSchema } from './persistence/freeze-window.schema';
import { ItemMaintenanceRepository } from './persistence/item-maintenance.repository';
import { ItemMaintenanceRecord, ItemMaintenanceSchema } from './persistence/item-maintenance.schema';
import { ReleaseRepository } from './persistence/release.repository';
import { ReleaseRecord, ReleaseSchema } from './persistence/release.schema';
import { RaiseChangeController } from './raise-change/raise-change.controller';
import { RaiseChange } from './raise-change/raise-change.use-case';
import { ManageRelease } from './releases/manage-release.use-case';
import { ReleasesController } from './releases/releases.controller';

/** What ChangesModule needs from its app: the CMDB's answers about items (`ChangeItemGraph`), as a provider of `CHANGE_ITEM_GRAPH`'s value. */
export interface ChangesModuleOptions {
  /** A module exporting what `itemGraph` injects (the CMDB's module), if any. */
  imports?: DynamicModule['imports'];
  itemGraph:
    | Omit<ClassProvider<ChangeItemGraph>, 'provide'>
    | Omit<ExistingProvider<ChangeItemGraph>, 'provide'>
    | Omit<FactoryProvider<ChangeItemGraph>, 'provide'>
    | Omit<ValueProvider<ChangeItemGraph>, 'provide'>;
}

/**
 * Change enablement, the change calendar and releases: change requests and their lifecycle (approvals
 * by the change group's manager, the CAB or the ECAB), conflict detection, freezes and maintenance
 * windows, standard-change templates, releases. Needs MessagingModule, PersistenceModule, OutboxModule
 * and AMQP listeners subscribed to CHANGE_FOLLOWED_EVENT_TYPES.
 */
@Module({})
export class ChangesModule {
  static forRoot(options: ChangesModuleOptions): DynamicModule {
    return {
      module: ChangesModule,
      imports: [
        ...(options.imports ?? []),
        MongooseModule.forFeature([
          { name: ChangeRecord.name, schema: ChangeSchema },
          { name: ChangeNumberRecord.name, schema: ChangeNumberSchema },
          { name: ChangeTemplateRecord.name, schema: ChangeTemplateSchema },
          { name: ChangeBoardRecord.name, schema: ChangeBoardSchema },
          { name: FreezeWindowRecord.name, schema: FreezeWindowSchema },
          { name: ItemMaintenanceRecord.name, schema: ItemMaintenanceSchema },
          { name: ChangeGroupRecord.name, schema: ChangeGroupSchema },
          { name: ReleaseRecord.name, schema: ReleaseSchema },
        ]),
      ],
      controllers: [
        RaiseChangeController,
        ChangeLifecycleController,
        ChangeQueryController,
        ChangeTemplatesController,
        ChangeBoardsController,
        ChangeCalendarController,
        ReleasesController,
        AssignmentGroupEventsListener,
        DesignServiceEventsListener,
        ConflictFactsListener,
      ],
      providers: [
        { provide: CHANGE_ITEM_GRAPH, ...options.itemGraph } as Provider,
        ChangeRepository,
        ChangeNumberAllocator,
        ChangeTemplateRepository,
        ChangeBoardRepository,
        FreezeWindowRepository,
        ItemMaintenanceRepository,
        ChangeGroupRepository,
        ReleaseRepository,
        DetectChangeConflicts,
        FollowConflictFacts,
        ApprovalAuthoritiesLookup,
        RaiseChange,
        ChangeLifecycle,
        ChangeTemplates,
        ChangeBoards,
        ChangeCalendar,
        ManageRelease,
      ],
      exports: [ChangeRepository],
    };
  }
}
