import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CalendarRevisions } from './calendar-revisions/calendar-revisions';
import { BusinessCalendarRepository } from './persistence/business-calendar.repository';
import { BusinessCalendarRecord, BusinessCalendarSchema } from './persistence/business-calendar.schema';
import { SlaDefinitionRepository } from './persistence/sla-definition.repository';
import { SlaDefinitionRecord, SlaDefinitionSchema } from './persistence/sla-definition.schema';
import { ServiceLevelCatalog } from './service-level-catalog/service-level-catalog';

/** Operation's copy of design's service levels and calendars (`sla_definitions`, `business_calendars`) and its read, ServiceLevelCatalog; CalendarRevisions tells who plans on calendars of a revision. Needs PersistenceModule. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: SlaDefinitionRecord.name, schema: SlaDefinitionSchema },
      { name: BusinessCalendarRecord.name, schema: BusinessCalendarSchema },
    ]),
  ],
  providers: [SlaDefinitionRepository, BusinessCalendarRepository, ServiceLevelCatalog, CalendarRevisions],
  exports: [SlaDefinitionRepository, BusinessCalendarRepository, ServiceLevelCatalog, CalendarRevisions],
})
export class ServiceLevelCatalogModule {}
