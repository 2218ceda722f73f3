import { NotFoundError, Page, pageRequest, toPage } from '@itsm/contracts';
import { ListPortfolioQuery, PortfolioServiceView } from '@itsm/contracts/strategy';
import { BY_NAME, toVersionedView } from '@itsm/persistence';
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

  /** By name, one page at a time. */
  @Get()
  async list(@Query() query: ListPortfolioQuery): Promise<Page<PortfolioServiceView>> {
    return toPage(await this.services.page(BY_NAME, pageRequest(query), { state: query.state }), toVersionedView);
  }
}
