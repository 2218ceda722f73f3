import { NotFoundError } from '@itsm/contracts';
import { ListPortfolioQuery, PortfolioServiceView } from '@itsm/contracts/strategy';
import { toVersionedView } from '@itsm/persistence';
import { recordId } from '@itsm/service-runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { PortfolioRepository } from '../persistence/portfolio.repository';

/** The strategy service's portfolio reads, called by the gateway. */
@Controller('v1/portfolio/services')
export class PortfolioQueryController {
  constructor(private readonly services: PortfolioRepository) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<PortfolioServiceView> {
    const record = await this.services.findById(recordId(id, 'portfolio service'));
    if (!record) throw new NotFoundError('portfolio service', id);
    return toVersionedView(record);
  }

  @Get()
  async list(@Query() { state }: ListPortfolioQuery): Promise<{ items: PortfolioServiceView[] }> {
    return { items: (await this.services.list('name', state ? { state } : {})).map(toVersionedView) };
  }
}
