import { CalendarView, DefineCalendarRequest, ReviseCalendarRequest, UUID_PATTERN } from '@itsm/contracts';
import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { CalendarRepository, StoredCalendar } from './calendar.repository';
import { DefineCalendar } from './define-calendar.use-case';

/** Header with which the gateway passes the verified caller (internal network only). */
export const ACTOR_HEADER = 'x-itsm-actor-id';

/** The design service's calendar API, called by the gateway. */
@Controller('v1/calendars')
export class CalendarsController {
  constructor(
    private readonly defineCalendar: DefineCalendar,
    private readonly calendars: CalendarRepository,
  ) {}

  @Post()
  @HttpCode(201)
  async define(
    @Body() { name, definition }: DefineCalendarRequest,
    @Headers(ACTOR_HEADER) actorId?: string,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CalendarView> {
    return toView(await this.defineCalendar.define({ name, definition }, { actorId, correlationId }));
  }

  @Put(':id')
  async revise(
    @Param('id') id: string,
    @Body() { name, definition, expectedVersion }: ReviseCalendarRequest,
    @Headers(ACTOR_HEADER) actorId?: string,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CalendarView> {
    return toView(await this.defineCalendar.revise(this.checkedId(id), expectedVersion, { name, definition }, { actorId, correlationId }));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<CalendarView> {
    const record = await this.calendars.findById(this.checkedId(id));
    if (!record) throw new NotFoundException(`calendar ${id} not found`);
    return toView(record);
  }

  @Get()
  async list(): Promise<{ items: CalendarView[] }> {
    return { items: (await this.calendars.list('name')).map(toView) };
  }

  private checkedId(id: string): string {
    if (!UUID_PATTERN.test(id)) throw new NotFoundException(`calendar ${id} not found`);
    return id;
  }
}

function toView(record: StoredCalendar): CalendarView {
  return {
    id: record._id,
    name: record.name,
    version: record.version,
    definition: record.definition,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
