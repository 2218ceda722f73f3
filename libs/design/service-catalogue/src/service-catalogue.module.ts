import { CalendarsModule } from '@itsm/design/calendars';
import { ServiceLevelsModule } from '@itsm/design/service-levels';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogueItemQueryController } from './catalogue-item-query/catalogue-item-query.controller';
import { CatalogueServiceQueryController } from './catalogue-service-query/catalogue-service-query.controller';
import { DefineCatalogueItemController } from './define-catalogue-item/define-catalogue-item.controller';
import { CatalogueItemRecord, CatalogueItemSchema } from './persistence/catalogue-item.schema';
import { CatalogueItemRepository } from './persistence/catalogue-item.repository';
import { CatalogueServiceRecord, CatalogueServiceSchema } from './persistence/catalogue-service.schema';
import { CatalogueServiceRepository } from './persistence/catalogue-service.repository';
import { DefineCatalogueItem } from './define-catalogue-item/define-catalogue-item.use-case';
import { ManageCatalogueServiceController } from './manage-catalogue-service/manage-catalogue-service.controller';
import { ManageCatalogueService } from './manage-catalogue-service/manage-catalogue-service.use-case';
import { PortfolioEventsListener } from './manage-catalogue-service/portfolio-events.listener';
import { ReplayServiceLevelsListener } from './replay-service-levels/replay-service-levels.listener';
import { ReplayServiceLevels } from './replay-service-levels/replay-service-levels.use-case';

/**
 * The service catalogue: services drafted from the portfolio's charters, their
 * offerings and targets, and the items users request; and the replay of design's reference data
 * (calendars, service levels, published and withdrawn services) to a service that asks. Needs
 * MessagingModule, PersistenceModule and AMQP listeners subscribed to PORTFOLIO_EVENT_TYPES and on
 * serviceLevelReplayQueueSpec.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CatalogueServiceRecord.name, schema: CatalogueServiceSchema },
      { name: CatalogueItemRecord.name, schema: CatalogueItemSchema },
    ]),
    ServiceLevelsModule,
    CalendarsModule,
  ],
  controllers: [
    ManageCatalogueServiceController,
    CatalogueServiceQueryController,
    DefineCatalogueItemController,
    CatalogueItemQueryController,
    PortfolioEventsListener,
    ReplayServiceLevelsListener,
  ],
  providers: [
    CatalogueServiceRepository,
    CatalogueItemRepository,
    ManageCatalogueService,
    DefineCatalogueItem,
    ReplayServiceLevels,
  ],
})
export class ServiceCatalogueModule {}
