import { ServiceLevelsModule } from '@itsm/design/service-levels';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogueItemRecord, CatalogueItemSchema } from './catalogue-item.schema';
import { CatalogueItemRepository } from './catalogue-item.repository';
import { CatalogueItemsController } from './catalogue-items.controller';
import { CatalogueServiceRecord, CatalogueServiceSchema } from './catalogue-service.schema';
import { CatalogueServiceRepository } from './catalogue-service.repository';
import { DefineCatalogueItem } from './define-catalogue-item.use-case';
import { ManageCatalogueService } from './manage-catalogue-service.use-case';
import { PortfolioEventsListener } from './portfolio-events.listener';
import { ServicesController } from './services.controller';

/**
 * The service catalogue: services drafted from the portfolio's charters, their
 * offerings and targets, and the items users request. Needs MessagingModule,
 * PersistenceModule and an AMQP listener subscribed to PORTFOLIO_EVENT_TYPES.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CatalogueServiceRecord.name, schema: CatalogueServiceSchema },
      { name: CatalogueItemRecord.name, schema: CatalogueItemSchema },
    ]),
    ServiceLevelsModule,
  ],
  controllers: [ServicesController, CatalogueItemsController, PortfolioEventsListener],
  providers: [
    CatalogueServiceRepository,
    CatalogueItemRepository,
    ManageCatalogueService,
    DefineCatalogueItem,
  ],
})
export class ServiceCatalogueModule {}
