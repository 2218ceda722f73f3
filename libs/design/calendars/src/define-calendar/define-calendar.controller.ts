import { CalendarView, DefineCalendarRequest, ReviseCalendarRequest } from '@itsm/contracts/design';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { DefineCalendar } from './define-calendar.use-case';

/** The design service's calendar writes (define, revise), called by the gateway. */
@Controller('v1/calendars')
export class DefineCalendarController {
  constructor(private readonly defineCalendar: DefineCalendar) {}

  @Post()
  @HttpCode(201)
  async define(@Body() { name, definition }: DefineCalendarRequest, @Origin() origin: RequestOrigin): Promise<CalendarView> {
    return toVersionedView(await this.defineCalendar.define({ name, definition }, origin));
  }

  @Put(':id')
  async revise(@Param('id') id: string, @Body() { name, definition, expectedVersion }: ReviseCalendarRequest, @Origin() origin: RequestOrigin): Promise<CalendarView> {
    return toVersionedView(await this.defineCalendar.revise(recordId(id, 'calendar'), expectedVersion, { name, definition }, origin));
  }
}
