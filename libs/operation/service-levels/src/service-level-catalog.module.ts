import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CalendarRevisions } from './calendar-revisions/calendar-revisions';
import { BusinessCalendarRepository } from './persistence/business-calendar.repository';
import { BusinessCalendarRecord, BusinessCalendarSchema } from './persistence/business-calendar.schema';
import { CatalogueItemRepository } from './persistence/catalogue-item.repository';
import { CatalogueItemRecord, CatalogueItemSchema } from './persistence/catalogue-item.schema';
import { CatalogueServiceRepository } from './persistence/catalogue-service.repository';
import { CatalogueServiceRecord, CatalogueServiceSchema } from './persistence/catalogue-service.schema';
import { PublishedServiceCatalog } from './published-services/published-service-catalog';
import { SlaDefinitionRepository } from './persistence/sla-definition.repository';
import { SlaDefinitionRecord, SlaDefinitionSchema } from './persistence/sla-definition.schema';
import { ServiceLevelCatalog } from './service-level-catalog/service-level-catalog';

/**
 * Operation's copy of design's service levels, calendars, catalogue services and catalogue items
 * (`sla_definitions`, `business_calendars`, `catalogue_services`, `catalogue_items`) and its reads, ServiceLevelCatalog and PublishedServiceCatalog;
 * CalendarRevisions tells who plans on the calendars of a revision.
 * Needs PersistenceModule.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: SlaDefinitionRecord.name, schema: SlaDefinitionSchema },
      { name: BusinessCalendarRecord.name, schema: BusinessCalendarSchema },
      { name: CatalogueServiceRecord.name, schema: CatalogueServiceSchema },
      { name: CatalogueItemRecord.name, schema: CatalogueItemSchema },
    ]),
  ],
  providers: [SlaDefinitionRepository, BusinessCalendarRepository, CatalogueServiceRepository, CatalogueItemRepository, ServiceLevelCatalog, PublishedServiceCatalog, CalendarRevisions],
  exports: [SlaDefinitionRepository, BusinessCalendarRepository, CatalogueServiceRepository, CatalogueItemRepository, ServiceLevelCatalog, PublishedServiceCatalog, CalendarRevisions],
})
export class ServiceLevelCatalogModule {}
