import { NotFoundError } from '@itsm/contracts';
import { CalendarView, DefineCalendarRequest, ReviseCalendarRequest } from '@itsm/contracts/design';
import { toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CalendarRepository } from '../persistence/calendar.repository';
import { DefineCalendar } from './define-calendar.use-case';

/** The design service's calendar API, called by the gateway. */
@Controller('v1/calendars')
export class CalendarsController {
  constructor(
    private readonly defineCalendar: DefineCalendar,
    private readonly calendars: CalendarRepository,
  ) {}

  @Post()
  @HttpCode(201)
  async define(@Body() { name, definition }: DefineCalendarRequest, @Origin() origin: RequestOrigin): Promise<CalendarView> {
    return toVersionedView(await this.defineCalendar.define({ name, definition }, origin));
  }

  @Put(':id')
  async revise(@Param('id') id: string, @Body() { name, definition, expectedVersion }: ReviseCalendarRequest, @Origin() origin: RequestOrigin): Promise<CalendarView> {
    return toVersionedView(await this.defineCalendar.revise(recordId(id, 'calendar'), expectedVersion, { name, definition }, origin));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<CalendarView> {
    const record = await this.calendars.findById(recordId(id, 'calendar'));
    if (!record) throw new NotFoundError('calendar', id);
    return toVersionedView(record);
  }

  @Get()
  async list(): Promise<{ items: CalendarView[] }> {
    return { items: (await this.calendars.list('name')).map(toVersionedView) };
  }
}
