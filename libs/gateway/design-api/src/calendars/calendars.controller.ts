import { ByNamePageQuery, Page } from '@itsm/contracts';
import { CalendarView, DefineCalendarRequest, ReviseCalendarRequest } from '@itsm/contracts/design';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DESIGN_CLIENT } from '../design-client';
const CALENDARS_PATH = 'api/v1/calendars';

/** Business calendars (working hours, holidays, time zone) that SLA clocks run on. */
@ApiTags('calendars')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(CALENDARS_PATH)
export class CalendarsController {
  constructor(@Inject(DESIGN_CLIENT) private readonly design: ServiceHttpClient) {}

  @Post()
  @RequirePolicy('calendars.manage')
  @ApiOperation({ summary: 'Define a business calendar', description: 'Emits itsm.design.calendar.changed.v1 (version 1).' })
  @ApiViewResponse(201, CalendarView)
  @ApiProblemResponses(422, 502, 503)
  async define(
    @Body() body: DefineCalendarRequest,
    @ForwardedOrigin() origin: OriginHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CalendarView> {
    const calendar = await this.design.send<CalendarView>('POST', '/v1/calendars', body, origin);
    void reply.header('location', `/${CALENDARS_PATH}/${calendar.id}`);
    return calendar;
  }

  @Put(':id')
  @RequirePolicy('calendars.manage')
  @ApiOperation({ summary: 'Revise a business calendar', description: 'Creates the next version if `expectedVersion` is current (409 otherwise); records keep the version they started with.' })
  @ApiViewResponse(200, CalendarView)
  @ApiProblemResponses(409, 502, 503)
  revise(
    @Param('id') id: string,
    @Body() body: ReviseCalendarRequest,
    @ForwardedOrigin() origin: OriginHeaders,
  ): Promise<CalendarView> {
    return this.design.send<CalendarView>('PUT', `/v1/calendars/${encodeURIComponent(id)}`, body, origin);
  }

  @Get(':id')
  @RequirePolicy('calendars.read')
  @ApiOperation({ summary: 'Read a business calendar' })
  @ApiViewResponse(200, CalendarView)
  @ApiProblemResponses(502, 503)
  get(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<CalendarView> {
    return this.design.get<CalendarView>(`/v1/calendars/${encodeURIComponent(id)}`, origin);
  }

  @Get()
  @RequirePolicy('calendars.read')
  @ApiOperation({ summary: 'List business calendars by name, one page at a time' })
  @ApiPageResponse(CalendarView)
  @ApiProblemResponses(400, 502, 503)
  list(@Query() query: ByNamePageQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<CalendarView>> {
    return this.design.get<Page<CalendarView>>('/v1/calendars', origin, query);
  }
}
