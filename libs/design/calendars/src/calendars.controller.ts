import { CalendarView, DefineCalendarRequest, ReviseCalendarRequest, UUID_PATTERN } from '@itsm/contracts';
import { Body, Controller, Get, Headers, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { CalendarRecord } from './calendar.schema';
import { CalendarRepository, CalendarState } from './calendar.repository';
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
  async define(
    @Body() body: DefineCalendarRequest,
    @Headers(ACTOR_HEADER) actorId?: string,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CalendarView> {
    return fromState(await this.defineCalendar.define({ ...body, actorId, correlationId }));
  }

  @Put(':id')
  async revise(
    @Param('id') id: string,
    @Body() body: ReviseCalendarRequest,
    @Headers(ACTOR_HEADER) actorId?: string,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CalendarView> {
    const { expectedVersion, ...change } = body;
    return fromState(await this.defineCalendar.revise(id, expectedVersion, { ...change, actorId, correlationId }));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<CalendarView> {
    const record = UUID_PATTERN.test(id) ? await this.calendars.findById(id) : null;
    if (!record) throw new NotFoundException(`calendar ${id} not found`);
    return fromRecord(record);
  }

  @Get()
  async list(): Promise<{ items: CalendarView[] }> {
    return { items: (await this.calendars.list()).map(fromRecord) };
  }
}

function fromRecord(record: CalendarRecord): CalendarView {
  return fromState({ id: record._id, name: record.name, version: record.version, definition: record.definition, at: record.updatedAt }, record.createdAt);
}

function fromState(state: CalendarState, createdAt: Date = state.at): CalendarView {
  return {
    id: state.id,
    name: state.name,
    version: state.version,
    definition: state.definition,
    createdAt: createdAt.toISOString(),
    updatedAt: state.at.toISOString(),
  };
}
