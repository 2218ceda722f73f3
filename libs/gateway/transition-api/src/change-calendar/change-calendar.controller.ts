import { Page, PageQuery } from '@itsm/contracts';
import {
  ChangeCalendarQuery,
  ChangeCalendarView,
  DefineFreezeWindowRequest,
  FreezeWindowView,
  ItemMaintenanceView,
  ReviseFreezeWindowRequest,
  SetMaintenanceWindowsRequest,
} from '@itsm/contracts/transition';
import { ForwardedOrigin, RequirePolicy } from '@itsm/gateway/auth';
import { ApiPageResponse, ApiProblemResponses, ApiViewResponse, OriginHeaders, ServiceHttpClient } from '@itsm/service-runtime';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { TRANSITION_CLIENT } from '../transition-client';

const CALENDAR_PATH = 'api/v1/change-calendar';

/** The change calendar: changes and freezes over a period, freeze (blackout) windows, items' maintenance windows. */
@ApiTags('change calendar')
@ApiBearerAuth()
@ApiProblemResponses(401, 403, 429)
@Controller(CALENDAR_PATH)
export class ChangeCalendarController {
  constructor(@Inject(TRANSITION_CLIENT) private readonly transition: ServiceHttpClient) {}

  @Get()
  @RequirePolicy('change-calendar.read')
  @ApiOperation({
    summary: 'The changes and freezes of a period',
    description: 'Changes whose planned window overlaps [from, to) (not cancelled) and freezes overlapping it, by start; filtered by itemId, or by serviceId (its item and what it depends on in the CMDB). At most 400 days.',
  })
  @ApiViewResponse(200, ChangeCalendarView)
  @ApiProblemResponses(400, 502, 503)
  period(@Query() query: ChangeCalendarQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<ChangeCalendarView> {
    return this.transition.get<ChangeCalendarView>('/v1/change-calendar', origin, query);
  }

  @Post('freezes')
  @RequirePolicy('change-calendar.manage')
  @ApiOperation({
    summary: 'Declare a freeze (blackout) window',
    description:
      'On the listed items (ids of CMDB items, not retired: 400 naming `itemIds` otherwise), or on every item when none is listed. Scheduled changes it overlaps get the conflict recorded (conflicts-changed). Emits itsm.transition.freeze-window.defined.v1.',
  })
  @ApiViewResponse(201, FreezeWindowView)
  @ApiProblemResponses(502, 503)
  async defineFreeze(@Body() body: DefineFreezeWindowRequest, @ForwardedOrigin() origin: OriginHeaders, @Res({ passthrough: true }) reply: FastifyReply): Promise<FreezeWindowView> {
    const freeze = await this.transition.send<FreezeWindowView>('POST', '/v1/change-calendar/freezes', body, origin);
    void reply.header('location', `/${CALENDAR_PATH}/freezes/${freeze.id}`);
    return freeze;
  }

  @Put('freezes/:id')
  @RequirePolicy('change-calendar.manage')
  @ApiOperation({ summary: 'Revise a freeze window', description: 'Over expectedVersion (409 otherwise); changes overlapping it before or after are checked again. Emits revised.' })
  @ApiViewResponse(200, FreezeWindowView)
  @ApiProblemResponses(404, 409, 502, 503)
  reviseFreeze(@Param('id') id: string, @Body() body: ReviseFreezeWindowRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<FreezeWindowView> {
    return this.transition.send<FreezeWindowView>('PUT', `/v1/change-calendar/freezes/${encodeURIComponent(id)}`, body, origin);
  }

  @Get('freezes/:id')
  @RequirePolicy('change-calendar.read')
  @ApiOperation({ summary: 'Read a freeze window' })
  @ApiViewResponse(200, FreezeWindowView)
  @ApiProblemResponses(404, 502, 503)
  freeze(@Param('id') id: string, @ForwardedOrigin() origin: OriginHeaders): Promise<FreezeWindowView> {
    return this.transition.get<FreezeWindowView>(`/v1/change-calendar/freezes/${encodeURIComponent(id)}`, origin);
  }

  @Get('freezes')
  @RequirePolicy('change-calendar.read')
  @ApiOperation({ summary: 'List freeze windows, newest first, one page at a time' })
  @ApiPageResponse(FreezeWindowView)
  @ApiProblemResponses(400, 502, 503)
  freezes(@Query() query: PageQuery, @ForwardedOrigin() origin: OriginHeaders): Promise<Page<FreezeWindowView>> {
    return this.transition.get<Page<FreezeWindowView>>('/v1/change-calendar/freezes', origin, query);
  }

  @Put('maintenance-windows/:itemId')
  @RequirePolicy('change-calendar.manage')
  @ApiOperation({
    summary: 'Set an item\'s maintenance windows',
    description:
      'Weekly windows (design\'s shape) replacing those the item had (an item of the CMDB, not retired: 400 naming `itemId` otherwise); a change whose window runs outside them conflicts. Design\'s availability targets set a service\'s windows by events. Emits itsm.transition.maintenance-windows.set.v1.',
  })
  @ApiViewResponse(200, ItemMaintenanceView)
  @ApiProblemResponses(404, 409, 502, 503)
  setMaintenance(@Param('itemId') itemId: string, @Body() body: SetMaintenanceWindowsRequest, @ForwardedOrigin() origin: OriginHeaders): Promise<ItemMaintenanceView> {
    return this.transition.send<ItemMaintenanceView>('PUT', `/v1/change-calendar/maintenance-windows/${encodeURIComponent(itemId)}`, body, origin);
  }

  @Get('maintenance-windows/:itemId')
  @RequirePolicy('change-calendar.read')
  @ApiOperation({ summary: 'Read an item\'s maintenance windows' })
  @ApiViewResponse(200, ItemMaintenanceView)
  @ApiProblemResponses(404, 502, 503)
  maintenance(@Param('itemId') itemId: string, @ForwardedOrigin() origin: OriginHeaders): Promise<ItemMaintenanceView> {
    return this.transition.get<ItemMaintenanceView>(`/v1/change-calendar/maintenance-windows/${encodeURIComponent(itemId)}`, origin);
  }
}
