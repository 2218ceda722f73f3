import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CalendarRepository } from './calendar.repository';
import { CalendarRecord, CalendarSchema } from './calendar.schema';
import { CalendarsController } from './calendars.controller';
import { DefineCalendar } from './define-calendar.use-case';

/** Business calendars: definitions, versions and their change events. Needs MessagingModule and PersistenceModule. */
@Module({
  imports: [MongooseModule.forFeature([{ name: CalendarRecord.name, schema: CalendarSchema }])],
  controllers: [CalendarsController],
  providers: [CalendarRepository, DefineCalendar],
  exports: [CalendarRepository],
})
export class CalendarsModule {}
