import { NotFoundError, Page, PageQuery, RuleViolationError, pageRequest, toPage } from '@itsm/contracts';
import {
  CHANGE_CALENDAR_MAX_DAYS,
  ChangeCalendarQuery,
  ChangeCalendarView,
  DefineFreezeWindowRequest,
  FreezeWindowView,
  ItemMaintenanceView,
  ReviseFreezeWindowRequest,
  SetMaintenanceWindowsRequest,
} from '@itsm/contracts/transition';
import { NEWEST_FIRST, VersionedRecord, toVersionedView } from '@itsm/persistence';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { checkWindow } from '@itsm/transition/change-domain';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { CHANGE_ITEM_GRAPH, ChangeItemGraph } from '../change-item-graph.lookup';
import { canonicalItemId } from '../change-item-references';
import { changeView } from '../change-query/change-view.mapper';
import { windowOf, withIsoDates } from '../json-dates.mapper';
import { ChangeRepository } from '../persistence/change.repository';
import { FreezeWindowRepository } from '../persistence/freeze-window.repository';
import { ItemMaintenanceRepository } from '../persistence/item-maintenance.repository';
import { ChangeCalendar } from './change-calendar.use-case';

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** The transition service's change calendar: the calendar of a period, freezes and maintenance windows, called by the gateway. */
@Controller('v1/change-calendar')
export class ChangeCalendarController {
  constructor(
    private readonly calendar: ChangeCalendar,
    private readonly changes: ChangeRepository,
    private readonly freezes: FreezeWindowRepository,
    private readonly maintenance: ItemMaintenanceRepository,
    @Inject(CHANGE_ITEM_GRAPH) private readonly graph: ChangeItemGraph,
  ) {}

  /**
   * The changes whose planned window overlaps [from, to) (cancelled ones left out) and the freezes
   * overlapping it, each by start; filtered by an item, or by a service (its item and what it depends on
   * in the CMDB). 400 for a period that ends before it starts, spans more than CHANGE_CALENDAR_MAX_DAYS, or both filters.
   */
  @Get()
  async period(@Query() query: ChangeCalendarQuery): Promise<ChangeCalendarView> {
    const period = windowOf({ start: query.from, end: query.to });
    checkWindow(period, 'to');
    if (period.end.getTime() - period.start.getTime() > CHANGE_CALENDAR_MAX_DAYS * MS_PER_DAY) throw RuleViolationError.of('to', `the period spans at most ${CHANGE_CALENDAR_MAX_DAYS} days`);
    if (query.itemId !== undefined && query.serviceId !== undefined) throw RuleViolationError.of('serviceId', 'filter by an item or by a service, not both');
    const itemIds = query.itemId !== undefined ? [await canonicalItemId(this.graph, query.itemId)] : query.serviceId !== undefined ? await this.graph.serviceItemsOf(query.serviceId) : undefined;
    const [changes, freezes] = await Promise.all([this.changes.inPeriod(period, itemIds), this.freezes.overlapping(period)]);
    const concerns = (freezeItems: readonly string[]) => itemIds === undefined || freezeItems.length === 0 || freezeItems.some((itemId) => itemIds.includes(itemId));
    return {
      from: period.start.toISOString(),
      to: period.end.toISOString(),
      changes: changes.map(changeView),
      freezes: freezes.filter((freeze) => concerns(freeze.itemIds)).map(freezeView),
    };
  }

  @Post('freezes')
  @HttpCode(201)
  async defineFreeze(@Body() request: DefineFreezeWindowRequest, @Origin() origin: RequestOrigin): Promise<FreezeWindowView> {
    return freezeView(await this.calendar.defineFreeze(request, origin));
  }

  @Put('freezes/:id')
  @HttpCode(200)
  async reviseFreeze(@Param('id') id: string, @Body() request: ReviseFreezeWindowRequest, @Origin() origin: RequestOrigin): Promise<FreezeWindowView> {
    return freezeView(await this.calendar.reviseFreeze(recordId(id, 'freeze window'), request.expectedVersion, request, origin));
  }

  @Get('freezes/:id')
  async freeze(@Param('id') id: string): Promise<FreezeWindowView> {
    const record = await this.freezes.findById(recordId(id, 'freeze window'));
    if (!record) throw new NotFoundError('freeze window', id);
    return freezeView(record);
  }

  /** Newest first, one page at a time. */
  @Get('freezes')
  async listFreezes(@Query() query: PageQuery): Promise<Page<FreezeWindowView>> {
    return toPage(await this.freezes.page(NEWEST_FIRST, pageRequest(query)), freezeView);
  }

  @Put('maintenance-windows/:itemId')
  @HttpCode(200)
  async setMaintenance(@Param('itemId') itemId: string, @Body() request: SetMaintenanceWindowsRequest, @Origin() origin: RequestOrigin): Promise<ItemMaintenanceView> {
    return toVersionedView(await this.calendar.setMaintenance(itemId, request.windows, { source: 'api' }, request.expectedVersion, origin));
  }

  @Get('maintenance-windows/:itemId')
  async maintenanceOf(@Param('itemId') reference: string): Promise<ItemMaintenanceView> {
    const itemId = await canonicalItemId(this.graph, reference);
    const record = await this.maintenance.findById(itemId);
    if (!record) throw new NotFoundError('maintenance windows', itemId, `item ${itemId} has no maintenance windows`);
    return toVersionedView(record);
  }
}

function freezeView(record: VersionedRecord<object>): FreezeWindowView {
  return withIsoDates(toVersionedView(record)) as unknown as FreezeWindowView;
}
