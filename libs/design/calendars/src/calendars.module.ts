import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CalendarRepository } from './persistence/calendar.repository';
import { CalendarRecord, CalendarSchema } from './persistence/calendar.schema';
import { CalendarQueryController } from './calendar-query/calendar-query.controller';
import { DefineCalendarController } from './define-calendar/define-calendar.controller';
import { DefineCalendar } from './define-calendar/define-calendar.use-case';

/** Business calendars: definitions, versions and their change events. Needs MessagingModule and PersistenceModule. */
@Module({
  imports: [MongooseModule.forFeature([{ name: CalendarRecord.name, schema: CalendarSchema }])],
  controllers: [DefineCalendarController, CalendarQueryController],
  providers: [CalendarRepository, DefineCalendar],
  exports: [CalendarRepository],
})
export class CalendarsModule {}
