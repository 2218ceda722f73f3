import { NotFoundError } from '@itsm/contracts';
import { CalendarView } from '@itsm/contracts/design';
import { toVersionedView } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param } from '@nestjs/common';
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

  @Get()
  async list(): Promise<{ items: CalendarView[] }> {
    return { items: (await this.calendars.list('name')).map(toVersionedView) };
  }
}
