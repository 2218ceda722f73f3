import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AddRelationship } from './add-relationship/add-relationship.use-case';
import { RelationshipController } from './add-relationship/relationship.controller';
import { CiClassQueryController } from './ci-class-query/ci-class-query.controller';
import { ConfigurationItemQueryController } from './configuration-item-query/configuration-item-query.controller';
import { DefineCiClassController } from './define-ci-class/define-ci-class.controller';
import { DefineCiClass } from './define-ci-class/define-ci-class.use-case';
import { DesignServiceEventsListener } from './design-services/design-service-events.listener';
import { SyncDesignService } from './design-services/sync-design-service.use-case';
import { ImpactAnalysisController } from './impact-analysis/impact-analysis.controller';
import { ImpactAnalysis } from './impact-analysis/impact-analysis.use-case';
import { ImportItemsController } from './import-items/import-items.controller';
import { ImportItems } from './import-items/import-items.use-case';
import { UpsertConfigurationItems } from './import-items/upsert-configuration-items.use-case';
import { ImportRelationshipsController } from './import-relationships/import-relationships.controller';
import { ImportRelationships } from './import-relationships/import-relationships.use-case';
import { CiClassRepository } from './persistence/ci-class.repository';
import { CiClassRecord, CiClassSchema } from './persistence/ci-class.schema';
import { ConfigurationItemRepository } from './persistence/configuration-item.repository';
import { ConfigurationItemRecord, ConfigurationItemSchema } from './persistence/configuration-item.schema';
import { RelationshipRepository } from './persistence/relationship.repository';
import { RelationshipRecord, RelationshipSchema } from './persistence/relationship.schema';
import { EventBatchRepository } from './persistence/event-batch.repository';
import { EventBatchRecord, EventBatchSchema } from './persistence/event-batch.schema';
import { ConfigurationItemController } from './register-configuration-item/configuration-item.controller';
import { RegisterConfigurationItem } from './register-configuration-item/register-configuration-item.use-case';
import { ReplayConfigurationItemsListener } from './replay-configuration-items/replay-configuration-items.listener';
import { ReplayConfigurationItems } from './replay-configuration-items/replay-configuration-items.use-case';

/**
 * The CMDB: CI classes, configuration items, typed relationships, bulk import, impact analysis, and
 * design's catalogue services as business-service items. Needs MessagingModule, PersistenceModule and
 * OutboxModule; its listener needs DESIGN_SERVICE_EVENT_TYPES bound to the service's events queue.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CiClassRecord.name, schema: CiClassSchema },
      { name: ConfigurationItemRecord.name, schema: ConfigurationItemSchema },
      { name: RelationshipRecord.name, schema: RelationshipSchema },
      { name: EventBatchRecord.name, schema: EventBatchSchema },
    ]),
  ],
  controllers: [
    DefineCiClassController,
    CiClassQueryController,
    ConfigurationItemController,
    ConfigurationItemQueryController,
    RelationshipController,
    ImportItemsController,
    ImportRelationshipsController,
    ImpactAnalysisController,
    DesignServiceEventsListener,
    ReplayConfigurationItemsListener,
  ],
  providers: [
    CiClassRepository,
    ConfigurationItemRepository,
    RelationshipRepository,
    EventBatchRepository,
    DefineCiClass,
    RegisterConfigurationItem,
    AddRelationship,
    UpsertConfigurationItems,
    ImportItems,
    ImportRelationships,
    ReplayConfigurationItems,
    ImpactAnalysis,
    SyncDesignService,
  ],
  exports: [ConfigurationItemRepository, RelationshipRepository, ImpactAnalysis],
})
export class CmdbModule {}
