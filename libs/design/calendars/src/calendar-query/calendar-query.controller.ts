import { ByNamePageQuery, NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { CalendarView } from '@itsm/contracts/design';
import { BY_NAME, toVersionedView } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { CalendarRepository } from '../persistence/calendar.repository';

/** The design service's calendar reads, called by the gateway. */
@Controller('v1/calendars')
export class CalendarQueryController {
  constructor(private readonly calendars: CalendarRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<CalendarView> {
    const record = await this.calendars.findById(recordId(id, 'calendar'));
    if (!record) throw new NotFoundError('calendar', id);
    return toVersionedView(record);
  }

  /** By name, one page at a time. */
  @Get()
  async list(@Query() query: ByNamePageQuery): Promise<Page<CalendarView>> {
    return toPage(await this.calendars.page(BY_NAME, pageRequest(query)), toVersionedView);
  }
}
